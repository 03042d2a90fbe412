using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class AccessAnalyzerOrganizationZoneOfTrust : ResourceRule<Organization>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Organization), typeof(AccessAnalyzer)];

    // Judged on the organisation: the organisation's zone of trust is its duty, and an account stack
    // (no organisation in it) is not asked for one.
    protected override Outcome Check(Organization organization, RuleContext context)
    {
        var analyzers = context.Estate.OfType<AccessAnalyzer>();
        if (analyzers.FirstOrDefault(a => a.AnalyzerType.GetOrDefault() == "ORGANIZATION") is { } org)
        {
            return Outcome.Pass($"Access Analyzer {org.Address} reports every resource shared outside the organisation.");
        }

        if (analyzers.FirstOrDefault(a => a.AnalyzerType.IsUnknown) is { } unknown)
        {
            return Outcome.Unknown($"The type of Access Analyzer {unknown.Address} is unknown: {unknown.AnalyzerType.UnknownReason}.", unknown.AnalyzerType.Source);
        }

        var others = analyzers.Select(a => $"{a.Address} ({a.AnalyzerType.Get()})").ToList();
        return Outcome.Fail(others.Count > 0
            ? $"No Access Analyzer has the organisation as zone of trust; {string.Join(", ", others)} only look at one account or at unused access."
            : "The scanned estate has no IAM Access Analyzer, so nothing reports buckets, keys, roles or queues shared outside the organisation.");
    }
}
