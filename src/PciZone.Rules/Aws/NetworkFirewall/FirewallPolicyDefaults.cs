using PciZone.Estate;

namespace PciZone.Rules.Aws.NetworkFirewall;

/// <summary>Judges a stateless default action list: unmatched packets must be dropped or sent to the stateful engine.</summary>
internal static class FirewallPolicyDefaults
{
    private static readonly string[] Inspecting = ["aws:drop", "aws:forward_to_sfe"];

    /// <summary>The outcome for one default action list (<paramref name="what"/> names the packets).</summary>
    public static Outcome Check(Value<IReadOnlyList<string>> actions, string what)
    {
        if (actions.IsUnknown)
        {
            return Outcome.Unknown($"The default action for {what} cannot be read: {actions.UnknownReason}.", actions.Source);
        }

        var list = actions.Get();
        var standard = list.FirstOrDefault(a => a.StartsWith("aws:", StringComparison.Ordinal));
        return standard is not null && Inspecting.Contains(standard, StringComparer.Ordinal)
            ? Outcome.Pass($"Unmatched {what} get {standard}.")
            : Outcome.Fail($"Unmatched {what} get {standard ?? "no standard action"}, so they pass without inspection.", actions.Source);
    }
}
