using System.Runtime.CompilerServices;
using PciZone.Compliance;

namespace PciZone.Reporting;

/// <summary>
/// What several writers derive from a report, computed once in one pass so a writer's cost stays
/// linear in the number of findings.
/// </summary>
internal sealed class ReportFacts
{
    private readonly Dictionary<string, IReadOnlyList<string>> _ruleRequirements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ruleIndex = new(StringComparer.Ordinal);

    // Runs once per scan over every finding: without this the tiered JIT keeps it in unoptimised
    // tier-0 code with on-stack replacement for the loops for the first thirty scans of a process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReportFacts(ScanReport report)
    {
        var rules = new List<RuleDescriptor>(report.Rules);
        foreach (var rule in rules)
        {
            _ruleIndex.TryAdd(rule.Id, _ruleIndex.Count);
        }

        // A finding whose rule is missing from report.Rules would leave a SARIF ruleIndex dangling, so
        // such rules are appended (by id) rather than trusted to never happen.
        var extra = new SortedDictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        var byRequirement = new Dictionary<string, StatusCounts>(StringComparer.Ordinal);
        var resources = new HashSet<string>(StringComparer.Ordinal);
        // The engine reports rule by rule, so findings come in runs that share one rule id and one
        // requirements list: each run is tallied once and then added to its requirements, instead of
        // looking every requirement of every finding up (several hash lookups per finding at 365,000).
        string? runRule = null;
        IReadOnlyList<string>? runRequirements = null;
        var run = new StatusCounts();
        foreach (var f in report.Findings)
        {
            Totals.Add(f.Status);
            if (f.Status == FindingStatus.Fail)
            {
                FailuresBySeverity[(int)f.Severity]++;
            }

            resources.Add(f.ResourceAddress);
            if (!ReferenceEquals(f.RuleId, runRule) || !ReferenceEquals(f.Requirements, runRequirements))
            {
                AddRun(byRequirement, runRequirements, run);
                run = new StatusCounts();
                (runRule, runRequirements) = (f.RuleId, f.Requirements);
                if (!_ruleIndex.ContainsKey(f.RuleId))
                {
                    extra.TryAdd(f.RuleId, f.Rule);
                }

                _ruleRequirements.TryAdd(f.RuleId, f.Requirements);
            }

            run.Add(f.Status);
        }

        AddRun(byRequirement, runRequirements, run);
        foreach (var rule in extra.Values)
        {
            _ruleIndex[rule.Id] = rules.Count;
            rules.Add(rule);
        }

        foreach (var (ruleId, reqs) in report.RuleRequirements)
        {
            _ruleRequirements[ruleId] = reqs;
        }

        Rules = rules;
        Resources = resources.Count;
        Requirements = OrderByCatalogue(byRequirement, report.Catalogue);
    }

    private static void AddRun(Dictionary<string, StatusCounts> byRequirement, IReadOnlyList<string>? requirements, StatusCounts run)
    {
        if (requirements is null || run.Total == 0)
        {
            return;
        }

        // Indexed, not foreach: over an IReadOnlyList a foreach boxes an enumerator.
        for (var i = 0; i < requirements.Count; i++)
        {
            if (!byRequirement.TryGetValue(requirements[i], out var counts))
            {
                byRequirement[requirements[i]] = counts = new StatusCounts();
            }

            counts.Add(run);
        }
    }

    /// <summary>Rules that ran, in report order, then any rule only seen on a finding.</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; }

    public StatusCounts Totals { get; } = new();

    /// <summary>Failed findings per severity, indexed by <see cref="Severity"/>.</summary>
    public int[] FailuresBySeverity { get; } = new int[5];

    /// <summary>Distinct resource addresses with at least one finding.</summary>
    public int Resources { get; }

    /// <summary>Requirements with at least one finding, in catalogue order; unknown ids last.</summary>
    public IReadOnlyList<RequirementTally> Requirements { get; }

    public int RuleIndex(string ruleId) => _ruleIndex[ruleId];

    public IReadOnlyList<string> RequirementsOf(string ruleId) =>
        _ruleRequirements.TryGetValue(ruleId, out var reqs) ? reqs : [];

    /// <summary>Sort key of a requirement id: catalogue position, ids outside the catalogue after all others.</summary>
    public static int CatalogueOrder(RequirementCatalogue catalogue, string id) =>
        catalogue.Find(id)?.Order ?? int.MaxValue;

    private static List<RequirementTally> OrderByCatalogue(Dictionary<string, StatusCounts> counts, RequirementCatalogue catalogue) =>
        counts
            .Select(kv => new RequirementTally(kv.Key, catalogue.Find(kv.Key), kv.Value))
            .OrderBy(t => t.Requirement?.Order ?? int.MaxValue)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
}
