using PciZone.Estate;

namespace PciZone.Rules.Aws.ELB;

internal sealed class LoadBalancerInternetFacingAlbProtectedByWaf : ResourceRule<LoadBalancer>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(LoadBalancer), typeof(WafWebAclAssociation)];

    // Only application load balancers take a web ACL; internal ones face no public web traffic.
    protected override bool AppliesTo(LoadBalancer lb, RuleContext context) =>
        lb.Kind.GetOrDefault() == "application" && !lb.Internal.GetOrDefault();

    protected override Outcome Check(LoadBalancer lb, RuleContext context)
    {
        var index = WafProtection.Of(context.Estate);
        if (index.Protects(lb))
        {
            return Outcome.Pass("A WAF web ACL is associated with the load balancer.");
        }

        if (lb.Internal.IsUnknown)
        {
            return Outcome.Unknown($"Whether the load balancer is internet-facing is unknown: {lb.Internal.UnknownReason}.", lb.Internal.Source);
        }

        return index.Untraced is { } untraced
            ? Outcome.Unknown($"No web ACL association names the load balancer, but {untraced.Address} protects a resource the scanner cannot trace.", untraced.Provenance)
            : Outcome.Fail("The internet-facing application load balancer has no WAF web ACL: web attacks reach the application unfiltered.");
    }
}
