using System.Text;
using PciZone.Compliance;

namespace PciZone.Reporting;

/// <summary>One test case: its outcome element (<c>failure</c>, <c>skipped</c>, <c>error</c> or none for a pass).</summary>
internal sealed record JUnitCase(string ClassName, string Name, string File, string? Outcome, string Message, string? Type, string Detail);

/// <summary>One test suite with its counts.</summary>
internal sealed record JUnitSuite(string Name, IReadOnlyList<JUnitCase> Cases)
{
    public int Failures => Cases.Count(c => c.Outcome == "failure");

    public int Errors => Cases.Count(c => c.Outcome == "error");

    public int Skipped => Cases.Count(c => c.Outcome == "skipped");
}

/// <summary>Groups findings into suites (per rule) and cases (per rule and resource).</summary>
internal static class JUnitCases
{
    public static IReadOnlyList<JUnitSuite> Build(ScanReport report, ReportFacts facts)
    {
        var byRule = report.Findings
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var suites = new List<JUnitSuite>(facts.Rules.Count + 1);
        foreach (var rule in facts.Rules)
        {
            var cases = byRule.TryGetValue(rule.Id, out var findings)
                ? findings
                    .GroupBy(f => f.ResourceAddress, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => Case(rule.Id, g.Key, g.ToList()))
                    .ToList()
                : [];
            suites.Add(new JUnitSuite($"{rule.Id} {rule.Title}", cases));
        }

        if (report.Errors.Count > 0)
        {
            suites.Add(new JUnitSuite("input errors", report.Errors
                .Select(e => new JUnitCase("input", Wording.Location(e.File, e.Line), e.File, "error", e.Message, "read-error", ""))
                .ToList()));
        }

        return suites;
    }

    // A rule normally yields one finding per resource; if it yields several, the worst decides the
    // case and all of them are listed in the body.
    private static JUnitCase Case(string ruleId, string address, List<Finding> findings)
    {
        var worst = findings.MaxBy(f => Rank(f.Status))!;
        var file = findings[0].File;
        var detail = new StringBuilder();
        foreach (var f in findings.Where(f => f.Status != FindingStatus.Pass))
        {
            if (detail.Length > 0)
            {
                detail.Append('\n');
            }

            detail.Append(Wording.Status(f.Status)).Append(' ').Append(Wording.Severity(f.Severity))
                .Append(": ").Append(f.Message)
                .Append("\nat ").Append(Wording.Location(f.File, f.Line))
                .Append("\nPCI DSS v4.0.1: ").AppendJoin(", ", f.Requirements);
            if (f.Status == FindingStatus.Suppressed)
            {
                detail.Append("\nsuppressed: ").Append(f.SuppressionReason);
            }
        }

        return worst.Status switch
        {
            FindingStatus.Fail => new JUnitCase(ruleId, address, file, "failure", worst.Message, Wording.Severity(worst.Severity), detail.ToString()),
            FindingStatus.Unknown => new JUnitCase(ruleId, address, file, "skipped", $"unknown: {worst.Message}", null, detail.ToString()),
            FindingStatus.Suppressed => new JUnitCase(ruleId, address, file, "skipped", $"suppressed: {worst.SuppressionReason}", null, detail.ToString()),
            _ => new JUnitCase(ruleId, address, file, null, "", null, ""),
        };
    }

    private static int Rank(FindingStatus status) => status switch
    {
        FindingStatus.Fail => 3,
        FindingStatus.Unknown => 2,
        FindingStatus.Suppressed => 1,
        _ => 0,
    };
}
