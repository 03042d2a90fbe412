using PciZone.Estate;

namespace PciZone.Rules.Aws.NetworkFirewall;

internal sealed class FmsWafPolicyEnforcesRuleGroups : ResourceRule<FmsPolicy>
{
    protected override bool AppliesTo(FmsPolicy policy, RuleContext context) =>
        policy.ServiceType.IsUnknown || policy.ServiceType.Get() is "WAFV2" or "WAF";

    protected override Outcome Check(FmsPolicy policy, RuleContext context)
    {
        if (policy.ServiceType.IsUnknown)
        {
            return Outcome.Unknown($"The policy's security service is unknown until apply: {policy.ServiceType.UnknownReason}.", policy.ServiceType.Source);
        }

        if (policy.RemediationEnabled.IsUnknown || !policy.RemediationEnabled.Get())
        {
            return Outcome.MustBeTrue(policy.RemediationEnabled, "", "The WAF policy only reports non-compliant web ACLs: remediation is off, so its rule groups are not applied.");
        }

        if (policy.RuleGroups.IsUnknown)
        {
            return Outcome.Unknown($"The policy's rule groups cannot be read: {policy.RuleGroups.UnknownReason}.", policy.RuleGroups.Source);
        }

        var enforced = policy.RuleGroups.Get().Where(g => g.OverrideAction == "NONE").ToList();
        if (enforced.Count == 0)
        {
            return policy.RuleGroups.Get().Count == 0
                ? Outcome.Fail("The WAF policy places no rule group in the web ACLs it manages.", policy.RuleGroups.Source)
                : Outcome.Fail("Every rule group of the WAF policy is overridden to COUNT: none blocks anything.", policy.RuleGroups.Source);
        }

        return Outcome.Pass($"The policy puts {string.Join(", ", enforced.Select(g => $"{g.Name} ({g.Position})"))} in every web ACL it manages, ahead of or after the account's own rules.");
    }
}
