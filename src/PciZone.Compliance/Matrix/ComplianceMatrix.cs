namespace PciZone.Compliance;

/// <summary>The status of one requirement in the matrix. "Not evaluated" is never shown as passed.</summary>
public enum MatrixStatus
{
    /// <summary>No rule supports it and nobody attested it, or its rules produced no finding in this scan.</summary>
    NotEvaluated,

    /// <summary>Every finding of its rules passed (suppressed ones excepted; they are counted).</summary>
    Passed,

    /// <summary>At least one finding of its rules failed.</summary>
    Failed,

    /// <summary>No failure, but at least one finding could not be decided before apply.</summary>
    Unknown,

    /// <summary>A person attested it, with evidence; no rule failed.</summary>
    Attested,
}

/// <summary>Finding counts of the rules behind one requirement.</summary>
public sealed record MatrixCounts(int Pass, int Fail, int Unknown, int Suppressed)
{
    public static MatrixCounts None { get; } = new(0, 0, 0, 0);

    public int Total => Pass + Fail + Unknown + Suppressed;
}

/// <summary>One row: a requirement of the catalogue, the rules that support it, its status.</summary>
public sealed record MatrixRow(
    Requirement Requirement,
    IReadOnlyList<RequirementMapping> Rules,
    MatrixStatus Status,
    MatrixCounts Counts,
    Attestation? Attestation);

/// <summary>
/// Every requirement of the catalogue with its automation class, the rules mapped to it or to a
/// requirement below it, and, when findings are given, a status. Findings are (rule id, status) pairs,
/// so a matrix can be built from a scan in this process or from a JSON report of an earlier one.
/// </summary>
public static class ComplianceMatrix
{
    public static IReadOnlyList<MatrixRow> Build(
        RequirementCatalogue catalogue,
        ComplianceMapping mapping,
        IEnumerable<(string RuleId, FindingStatus Status)>? findings,
        IReadOnlyList<Attestation> attestations)
    {
        var byRule = new Dictionary<string, MatrixCounts>(StringComparer.Ordinal);
        if (findings is not null)
        {
            foreach (var (rule, status) in findings)
            {
                var c = byRule.GetValueOrDefault(rule, MatrixCounts.None);
                byRule[rule] = status switch
                {
                    FindingStatus.Pass => c with { Pass = c.Pass + 1 },
                    FindingStatus.Fail => c with { Fail = c.Fail + 1 },
                    FindingStatus.Unknown => c with { Unknown = c.Unknown + 1 },
                    _ => c with { Suppressed = c.Suppressed + 1 },
                };
            }
        }

        var rows = new List<MatrixRow>(catalogue.Requirements.Count);
        foreach (var requirement in catalogue.Requirements)
        {
            var prefix = requirement.Id + ".";
            var rules = mapping.Mappings
                .Where(m => m.RequirementId == requirement.Id || m.RequirementId.StartsWith(prefix, StringComparison.Ordinal))
                .ToList();
            var counts = rules.Select(r => r.RuleId).Distinct(StringComparer.Ordinal)
                .Select(r => byRule.GetValueOrDefault(r, MatrixCounts.None))
                .Aggregate(MatrixCounts.None, (a, b) => new MatrixCounts(a.Pass + b.Pass, a.Fail + b.Fail, a.Unknown + b.Unknown, a.Suppressed + b.Suppressed));
            var attestation = attestations.LastOrDefault(a => a.Requirement == requirement.Id);
            rows.Add(new MatrixRow(requirement, rules, Status(counts, attestation), counts, attestation));
        }

        return rows;
    }

    private static MatrixStatus Status(MatrixCounts counts, Attestation? attestation) =>
        counts.Fail > 0 ? MatrixStatus.Failed
        : counts.Unknown > 0 ? MatrixStatus.Unknown
        : attestation is not null ? MatrixStatus.Attested
        : counts.Pass > 0 ? MatrixStatus.Passed
        : MatrixStatus.NotEvaluated;
}
