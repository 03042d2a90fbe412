using PciZone.Estate;

namespace PciZone.Rules.Aws.RDS;

internal sealed class RdsEventSubscriptionCoversCriticalEvents : ResourceRule<RdsEventSubscription>
{
    // The categories Security Hub RDS.20, RDS.21 and RDS.22 call critical, per source type; a
    // subscription without a source type receives events of every type.
    private static readonly Dictionary<string, string[]> Critical = new(StringComparer.Ordinal)
    {
        ["db-instance"] = ["maintenance", "configuration change", "failure"],
        ["db-parameter-group"] = ["configuration change"],
        ["db-security-group"] = ["configuration change", "failure"],
        [""] = ["maintenance", "configuration change", "failure"],
    };

    protected override bool AppliesTo(RdsEventSubscription subscription, RuleContext context) =>
        subscription.Source.IsUnknown || Critical.ContainsKey(subscription.Source.Get() ?? "");

    protected override Outcome Check(RdsEventSubscription subscription, RuleContext context)
    {
        if (subscription.Source.IsUnknown || subscription.EventCategories.IsUnknown || subscription.Enabled.IsUnknown)
        {
            return Outcome.Unknown("The subscription's source type, categories or state are unknown until apply.", subscription.Provenance);
        }

        var type = subscription.Source.Get() ?? "";
        var label = type.Length == 0 ? "all sources" : type;
        if (!subscription.Enabled.Get())
        {
            return Outcome.Fail($"Event subscription for {label} is disabled.", subscription.Enabled.Source);
        }

        var categories = subscription.EventCategories.Get();
        var missing = categories.Count == 0
            ? []
            : Critical[type].Where(c => !categories.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        return missing.Count == 0
            ? Outcome.Pass($"Event subscription for {label} covers its critical event categories.")
            : Outcome.Fail($"Event subscription for {label} leaves out the critical categories: {string.Join(", ", missing)}.", subscription.EventCategories.Source);
    }
}
