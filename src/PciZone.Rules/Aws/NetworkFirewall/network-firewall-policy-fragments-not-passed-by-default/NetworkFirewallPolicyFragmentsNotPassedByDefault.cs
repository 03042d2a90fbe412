using PciZone.Estate;

namespace PciZone.Rules.Aws.NetworkFirewall;

internal sealed class NetworkFirewallPolicyFragmentsNotPassedByDefault : ResourceRule<NetworkFirewallPolicy>
{
    protected override Outcome Check(NetworkFirewallPolicy policy, RuleContext context) =>
        FirewallPolicyDefaults.Check(policy.StatelessFragmentDefaultActions, "fragmented packets");
}
