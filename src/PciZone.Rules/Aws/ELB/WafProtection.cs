using PciZone.Estate;

namespace PciZone.Rules.Aws.ELB;

/// <summary>Which load balancers a WAF web ACL association protects, built once per estate.</summary>
internal sealed class WafProtection
{
    private readonly HashSet<string> _protected = new(StringComparer.Ordinal);

    /// <summary>The first association whose protected resource the scanner cannot trace to an estate address, or null.</summary>
    public WafWebAclAssociation? Untraced { get; private set; }

    /// <summary>The index of an estate.</summary>
    public static WafProtection Of(AwsEstate estate) => estate.Memo("elb-waf-protection", Build);

    /// <summary>True when an association names the load balancer's address.</summary>
    public bool Protects(LoadBalancer lb) => _protected.Contains(lb.Address);

    private static WafProtection Build(AwsEstate estate)
    {
        var index = new WafProtection();
        foreach (var a in estate.OfType<WafWebAclAssociation>())
        {
            if (a.Target.GetOrDefault() is { Address: { } target })
            {
                index._protected.Add(target);
            }
            else if (a.Target.IsUnknown || a.Target.GetOrDefault() is { Literal: { } literal } && literal.Contains(":loadbalancer/app/", StringComparison.Ordinal))
            {
                index.Untraced ??= a;
            }
        }

        return index;
    }
}
