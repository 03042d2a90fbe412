using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class ClientVpnAuthorizationRulesRestrictedToGroups : ResourceRule<ClientVpnAuthorizationRule>
{
    protected override Outcome Check(ClientVpnAuthorizationRule rule, RuleContext context) =>
        Outcome.MustBeFalse(
            rule.AuthorizeAllGroups,
            $"Access to {rule.TargetNetworkCidr.GetOrDefault() ?? "the network"} is limited to group {rule.AccessGroupId.GetOrDefault()}.",
            $"Every authenticated VPN client may reach {rule.TargetNetworkCidr.GetOrDefault() ?? "the network"}, whatever its group.");
}
