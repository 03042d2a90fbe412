using PciZone.Estate;

namespace PciZone.Rules.Aws.ELB;

internal sealed class LoadBalancerAccessLogsEnabled : ResourceRule<LoadBalancer>
{
    // Gateway load balancers have no access logs to turn on.
    protected override bool AppliesTo(LoadBalancer lb, RuleContext context) => lb.Kind.GetOrDefault() != "gateway";

    protected override Outcome Check(LoadBalancer lb, RuleContext context) =>
        Outcome.MustBeTrue(
            lb.AccessLogsEnabled,
            "The load balancer writes access logs.",
            "The load balancer writes no access logs.");
}
