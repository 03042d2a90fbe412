using System.Runtime.CompilerServices;
using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules;

/// <summary>Which rules to run.</summary>
public sealed record RuleSelection(
    IReadOnlyCollection<string> Only,
    IReadOnlyCollection<string> Skip,
    string? RequirementPrefix)
{
    /// <summary>Every rule.</summary>
    public static RuleSelection All { get; } = new([], [], null);
}

/// <summary>Runs rules over an estate and turns outcomes into findings with their PCI requirements.</summary>
public sealed class RuleEngine
{
    private readonly RulePack _pack;
    private readonly ComplianceMapping _mapping;
    private readonly TimeProvider _time;

    /// <summary>Creates an engine.</summary>
    public RuleEngine(RulePack pack, ComplianceMapping mapping, TimeProvider time)
    {
        _pack = pack;
        _mapping = mapping;
        _time = time;
    }

    /// <summary>CDE selectors and declared flows that the segmentation rules use.</summary>
    public Scope.ScopeOptions Scope { get; init; } = PciZone.Scope.ScopeOptions.Default;

    /// <summary>The rules a selection picks, by id (case-insensitive) and requirement prefix.</summary>
    public IReadOnlyList<IRule> Select(RuleSelection selection)
    {
        var only = new HashSet<string>(selection.Only, StringComparer.OrdinalIgnoreCase);
        var skip = new HashSet<string>(selection.Skip, StringComparer.OrdinalIgnoreCase);
        return _pack.Rules
            .Where(r => only.Count == 0 || only.Contains(r.Descriptor.Id) || only.Contains(r.Descriptor.Slug))
            .Where(r => !skip.Contains(r.Descriptor.Id) && !skip.Contains(r.Descriptor.Slug))
            .Where(r => selection.RequirementPrefix is null || _mapping.RequirementsFor(r.Descriptor.Id)
                .Any(req => RequirementMatches(req, selection.RequirementPrefix)))
            .ToList();
    }

    /// <summary>Evaluates the selected rules; findings sorted by rule id, then address.</summary>
    // Runs once per scan over every rule and outcome: without this the tiered JIT keeps it in unoptimised
    // tier-0 code with on-stack replacement for the loops for the first thirty scans of a process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<Finding> Run(AwsEstate estate, RuleSelection selection)
    {
        var context = new RuleContext(estate, _time) { Scope = Scope };
        var findings = new List<Finding>(estate.Resources.Count * 3);
        foreach (var rule in Select(selection))
        {
            // Rules run in id order; only each rule's own findings need sorting by address.
            var start = findings.Count;
            var requirements = _mapping.RequirementsFor(rule.Descriptor.Id);
            foreach (var (resource, outcome) in rule.Evaluate(context))
            {
                var at = outcome.Evidence is { Line: > 0 } e && e.File.Length > 0 ? e : resource.Provenance;
                findings.Add(new Finding
                {
                    Rule = rule.Descriptor,
                    Status = outcome.Status,
                    Requirements = requirements,
                    ResourceAddress = resource.Address,
                    ResourceType = resource.SourceType,
                    File = at.File,
                    Line = at.Line,
                    Message = outcome.Message,
                });
            }

            if (!InAddressOrder(findings, start))
            {
                findings.Sort(start, findings.Count - start, ByAddress);
            }
        }

        return findings;
    }

    // Most rules walk one type of the estate, which keeps it in address order: a linear check spares the sort.
    private static bool InAddressOrder(List<Finding> findings, int start)
    {
        for (var i = start + 1; i < findings.Count; i++)
        {
            if (string.CompareOrdinal(findings[i - 1].ResourceAddress, findings[i].ResourceAddress) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static readonly Comparer<Finding> ByAddress =
        Comparer<Finding>.Create(static (a, b) => string.CompareOrdinal(a.ResourceAddress, b.ResourceAddress));

    /// <summary>"10.5" matches 10.5 and 10.5.1 but not 10.50.</summary>
    public static bool RequirementMatches(string requirementId, string prefix) =>
        requirementId == prefix || requirementId.StartsWith(prefix + ".", StringComparison.Ordinal);
}
