using PciZone.Estate;

namespace PciZone.Rules.Aws.ELB;

internal sealed class AlbDropsInvalidHeaderFields : ResourceRule<LoadBalancer>
{
    protected override bool AppliesTo(LoadBalancer lb, RuleContext context) => lb.Kind.GetOrDefault() == "application";

    protected override Outcome Check(LoadBalancer lb, RuleContext context) =>
        Outcome.MustBeTrue(
            lb.DropInvalidHeaderFields,
            "The load balancer drops HTTP headers with invalid fields.",
            "The load balancer forwards HTTP headers with invalid fields to its targets.");
}
