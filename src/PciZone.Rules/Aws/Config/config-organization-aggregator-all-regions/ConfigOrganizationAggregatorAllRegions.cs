using PciZone.Estate;

namespace PciZone.Rules.Aws.Config;

internal sealed class ConfigOrganizationAggregatorAllRegions : ResourceRule<Organization>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Organization), typeof(ConfigAggregator)];

    // Judged on the organisation: the aggregator is the organisation's duty, and a scan of a workload
    // stack (no organisation in it) is not asked for one.
    protected override Outcome Check(Organization organization, RuleContext context)
    {
        var aggregators = context.Estate.OfType<ConfigAggregator>();
        var gaps = new List<string>();
        ConfigAggregator? undecided = null;
        foreach (var a in aggregators)
        {
            if (a.OrganizationSource.IsUnknown || a.AllRegions.IsUnknown)
            {
                undecided ??= a;
            }
            else if (!a.OrganizationSource.Get())
            {
                gaps.Add($"{a.Address} aggregates listed accounts only, so new accounts are missed");
            }
            else if (!a.AllRegions.Get())
            {
                gaps.Add($"{a.Address} aggregates regions {string.Join(", ", a.Regions.GetOrDefault([])!)} only");
            }
            else
            {
                return Outcome.Pass($"Config aggregator {a.Address} aggregates every account of the organisation in every region.");
            }
        }

        if (undecided is not null)
        {
            return Outcome.Unknown($"Cannot tell whether Config aggregator {undecided.Address} covers the organisation in every region: its sources are unknown until apply.", undecided.Provenance);
        }

        return gaps.Count > 0
            ? Outcome.Fail($"No Config aggregator covers the whole organisation in every region: {string.Join("; ", gaps)}.")
            : Outcome.Fail("The scanned estate has no AWS Config aggregator, so nobody sees the configuration and compliance of every account and region in one place.");
    }
}
