using PciZone.Estate;

namespace PciZone.Rules.Aws.NetworkFirewall;

internal sealed class NetworkFirewallLogsFlowAndAlert : ResourceRule<Estate.NetworkFirewall>
{
    protected override Outcome Check(Estate.NetworkFirewall firewall, RuleContext context)
    {
        if (firewall.LogTypes.IsUnknown)
        {
            return Outcome.Unknown($"The firewall's log types cannot be read: {firewall.LogTypes.UnknownReason}.", firewall.LogTypes.Source);
        }

        var types = firewall.LogTypes.Get();
        var missing = new[] { "FLOW", "ALERT" }.Where(t => !types.Contains(t, StringComparer.Ordinal)).ToList();
        return missing.Count == 0
            ? Outcome.Pass("Firewall delivers FLOW and ALERT logs.")
            : Outcome.Fail(types.Count == 0
                ? "Firewall has no logging configuration, so no flow or alert log is kept."
                : $"Firewall does not deliver {string.Join(" or ", missing)} logs.", firewall.LogTypes.Source);
    }
}
