using PciZone.Estate;

namespace PciZone.Rules.Aws.NetworkFirewall;

internal sealed class NetworkFirewallStatelessRuleGroupNotEmpty : ResourceRule<NetworkFirewallRuleGroup>
{
    protected override bool AppliesTo(NetworkFirewallRuleGroup group, RuleContext context) =>
        group.RuleGroupType.GetOrDefault() is not "STATEFUL";

    protected override Outcome Check(NetworkFirewallRuleGroup group, RuleContext context)
    {
        if (group.RuleGroupType.IsUnknown || group.StatelessRuleCount.IsUnknown)
        {
            return Outcome.Unknown($"The rule group's type or rules cannot be read: {group.RuleGroupType.UnknownReason ?? group.StatelessRuleCount.UnknownReason}.", group.Provenance);
        }

        var count = group.StatelessRuleCount.Get();
        return count > 0
            ? Outcome.Pass($"Stateless rule group has {count} rule(s).")
            : Outcome.Fail("Stateless rule group has no rules, so it filters nothing.", group.StatelessRuleCount.Source);
    }
}
