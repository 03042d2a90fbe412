using PciZone.Estate;

namespace PciZone.Rules.Aws.NetworkFirewall;

internal sealed class NetworkFirewallPolicyFullPacketsNotPassedByDefault : ResourceRule<NetworkFirewallPolicy>
{
    protected override Outcome Check(NetworkFirewallPolicy policy, RuleContext context) =>
        FirewallPolicyDefaults.Check(policy.StatelessDefaultActions, "full packets");
}
