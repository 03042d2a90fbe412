using PciZone.Estate;

namespace PciZone.Rules.Aws.WAF;

/// <summary>Which resources each web ACL protects, from associations and CloudFront distributions, built once per estate.</summary>
internal sealed class WebAclAssociations
{
    /// <summary>Protected resource address to the web ACL protecting it, from regional associations.</summary>
    public Dictionary<string, ResourceRef> AclByTarget { get; } = new(StringComparer.Ordinal);

    /// <summary>Web ACLs in the estate that some association or distribution uses, with one user each.</summary>
    public Dictionary<WafWebAcl, Resource> UserByAcl { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The first association whose protected resource is unknown, or a literal stage ARN that may be any stage, or null.</summary>
    public WafWebAclAssociation? Unresolved { get; private set; }

    /// <summary>The first association or distribution whose web ACL is unknown or a literal id that may name one in the estate, or null.</summary>
    public Resource? UnresolvedAclUser { get; private set; }

    /// <summary>The index of an estate.</summary>
    public static WebAclAssociations Of(AwsEstate estate) => estate.Memo("waf-web-acl-associations", Build);

    private static WebAclAssociations Build(AwsEstate estate)
    {
        var index = new WebAclAssociations();
        foreach (var a in estate.OfType<WafWebAclAssociation>())
        {
            if (a.Target.GetOrDefault() is { Address: { } target } && a.WebAcl.GetOrDefault() is { } acl)
            {
                index.AclByTarget.TryAdd(target, acl);
            }
            else if (a.Target.IsUnknown || a.Target.GetOrDefault() is { Literal: { } literal } && literal.Contains("/stages/", StringComparison.Ordinal))
            {
                index.Unresolved ??= a;
            }

            index.Use(estate, a, a.WebAcl);
        }

        foreach (var d in estate.OfType<CloudFrontDistribution>())
        {
            if (!d.WebAcl.IsKnown || d.WebAcl.Get() is not null)
            {
                index.Use(estate, d, d.WebAcl);
            }
        }

        return index;
    }

    private void Use(AwsEstate estate, Resource user, Value<ResourceRef?> acl)
    {
        if (acl.GetOrDefault() is { Address: not null } reference && estate.Resolve<WafWebAcl>(reference) is { } found)
        {
            UserByAcl.TryAdd(found, user);
        }
        else if (acl.IsUnknown || acl.GetOrDefault() is { Literal: not null })
        {
            UnresolvedAclUser ??= user;
        }
    }
}
