using PciZone.Estate;

namespace PciZone.Rules.Aws.ELB;

internal sealed class LoadBalancerDesyncMitigationDefensiveOrStrictest : ResourceRule<LoadBalancer>
{
    // Network and gateway load balancers do not parse HTTP and have no mode.
    protected override bool AppliesTo(LoadBalancer lb, RuleContext context) =>
        lb.DesyncMitigationMode.IsUnknown || lb.DesyncMitigationMode.Get() is not null;

    protected override Outcome Check(LoadBalancer lb, RuleContext context)
    {
        var mode = lb.DesyncMitigationMode;
        if (mode.IsUnknown)
        {
            return Outcome.Unknown($"The desync mitigation mode is unknown: {mode.UnknownReason}.", mode.Source);
        }

        return mode.Get() is "defensive" or "strictest"
            ? Outcome.Pass($"HTTP desync mitigation is in {mode.Get()} mode{(mode.IsDefault ? " (AWS default)" : "")}.")
            : Outcome.Fail($"HTTP desync mitigation is in {mode.Get()} mode: ambiguous requests that enable request smuggling are passed to targets.", mode.Source);
    }
}
