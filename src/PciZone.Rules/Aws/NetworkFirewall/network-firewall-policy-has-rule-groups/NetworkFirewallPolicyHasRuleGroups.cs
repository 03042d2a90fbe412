using PciZone.Estate;

namespace PciZone.Rules.Aws.NetworkFirewall;

internal sealed class NetworkFirewallPolicyHasRuleGroups : ResourceRule<NetworkFirewallPolicy>
{
    protected override Outcome Check(NetworkFirewallPolicy policy, RuleContext context)
    {
        var (stateless, stateful) = (policy.StatelessRuleGroups, policy.StatefulRuleGroups);
        var count = stateless.GetOrDefault([])!.Count + stateful.GetOrDefault([])!.Count;
        if (count > 0)
        {
            return Outcome.Pass($"Policy references {count} rule group(s).");
        }

        return stateless.IsUnknown || stateful.IsUnknown
            ? Outcome.Unknown($"The policy's rule group references cannot be read: {stateless.UnknownReason ?? stateful.UnknownReason}.", policy.Provenance)
            : Outcome.Fail("Policy references no stateless or stateful rule group, so only its default actions decide.", policy.Provenance);
    }
}
