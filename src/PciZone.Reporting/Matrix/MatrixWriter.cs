using System.Globalization;
using System.Text.Json;
using PciZone.Compliance;

namespace PciZone.Reporting.Matrix;

/// <summary>Writes the compliance matrix as text, JSON, CSV or Markdown (the generated docs page).</summary>
public static class MatrixWriter
{
    /// <summary>The formats <see cref="Write"/> knows.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["table", "json", "csv", "html", "markdown"];

    /// <summary>Writes <paramref name="rows"/>; <paramref name="evaluated"/> says whether findings were given.</summary>
    public static void Write(string format, IReadOnlyList<MatrixRow> rows, bool evaluated, TextWriter output)
    {
        switch (format)
        {
            case "json":
                Json(rows, evaluated, output);
                break;
            case "csv":
                Csv(rows, output);
                break;
            case "html":
                MatrixHtml.Write(rows, evaluated, output);
                break;
            case "markdown":
                Markdown(rows, output);
                break;
            default:
                Table(rows, evaluated, output);
                break;
        }
    }

    public static string StatusName(MatrixStatus status) => status switch
    {
        MatrixStatus.NotEvaluated => "not evaluated",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string AutomationName(AutomationClass automation) => automation switch
    {
        AutomationClass.Automated => "automated",
        AutomationClass.Partial => "partial",
        _ => "process",
    };

    private static void Table(IReadOnlyList<MatrixRow> rows, bool evaluated, TextWriter o)
    {
        o.WriteLine($"{"Requirement",-12} {"Automation",-10} {"Status",-14} {"Rules",5}  {"Pass",5} {"Fail",5} {"Unkn",5} {"Supp",5}  Summary");
        foreach (var r in rows)
        {
            var rules = r.Rules.Select(m => m.RuleId).Distinct().Count();
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Requirement.Id,-12} {AutomationName(r.Requirement.Automation),-10} {StatusName(r.Status),-14} {rules,5}  {r.Counts.Pass,5} {r.Counts.Fail,5} {r.Counts.Unknown,5} {r.Counts.Suppressed,5}  {r.Requirement.Summary}"));
        }

        var by = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        o.WriteLine();
        o.WriteLine(string.Join(", ", Enum.GetValues<MatrixStatus>().Select(s => $"{StatusName(s)} {by.GetValueOrDefault(s)}"))
                    + $" ({rows.Count} requirements{(evaluated ? "" : "; no scan given, so nothing is evaluated")})");
    }

    private static void Json(IReadOnlyList<MatrixRow> rows, bool evaluated, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schemaVersion", "1.0");
            w.WriteString("framework", "PCI-DSS-4.0.1");
            w.WriteBoolean("evaluated", evaluated);
            w.WriteStartArray("requirements");
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Requirement.Id);
                w.WriteString("summary", r.Requirement.Summary);
                w.WriteString("automation", AutomationName(r.Requirement.Automation));
                w.WriteString("status", StatusName(r.Status));
                w.WriteStartObject("counts");
                w.WriteNumber("pass", r.Counts.Pass);
                w.WriteNumber("fail", r.Counts.Fail);
                w.WriteNumber("unknown", r.Counts.Unknown);
                w.WriteNumber("suppressed", r.Counts.Suppressed);
                w.WriteEndObject();
                w.WriteStartArray("rules");
                foreach (var m in r.Rules)
                {
                    w.WriteStartObject();
                    w.WriteString("ruleId", m.RuleId);
                    w.WriteString("mappedTo", m.RequirementId);
                    w.WriteString("coverage", m.Coverage.ToString().ToLowerInvariant());
                    w.WriteString("basis", m.Basis);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (r.Attestation is { } a)
                {
                    w.WriteStartObject("attestation");
                    w.WriteString("by", a.By);
                    w.WriteString("date", a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteString("evidence", a.Evidence);
                    w.WriteString("source", a.Source);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Csv(IReadOnlyList<MatrixRow> rows, TextWriter o)
    {
        o.WriteLine("requirement,automation,status,rules,pass,fail,unknown,suppressed,attested_by,evidence,summary");
        foreach (var r in rows)
        {
            string[] fields =
            [
                r.Requirement.Id, AutomationName(r.Requirement.Automation), StatusName(r.Status),
                string.Join(' ', r.Rules.Select(m => m.RuleId).Distinct()),
                r.Counts.Pass.ToString(CultureInfo.InvariantCulture), r.Counts.Fail.ToString(CultureInfo.InvariantCulture),
                r.Counts.Unknown.ToString(CultureInfo.InvariantCulture), r.Counts.Suppressed.ToString(CultureInfo.InvariantCulture),
                r.Attestation?.By ?? "", r.Attestation?.Evidence ?? "", r.Requirement.Summary,
            ];
            o.WriteLine(string.Join(',', fields.Select(Quote)));
        }
    }

    private static void Markdown(IReadOnlyList<MatrixRow> rows, TextWriter o)
    {
        o.WriteLine("# PCI DSS v4.0.1: requirements and PciZone rules");
        o.WriteLine();
        o.WriteLine("Generated from the requirement catalogue and `src/PciZone.Compliance/Frameworks/pci-dss-4.0.1.yaml`; do not edit.");
        o.WriteLine("A requirement lists the rules mapped to it or to a requirement below it. Run");
        o.WriteLine("`pcizone compliance matrix PATH...` for the status of each requirement in your estate.");
        o.WriteLine();
        var withRules = rows.Count(r => r.Rules.Count > 0);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} requirements; {withRules} with at least one rule; {rows.Count - withRules} with none (process, or not yet automated)."));
        o.WriteLine();
        o.WriteLine("| Requirement | Automation | Rules (coverage) | Summary |");
        o.WriteLine("| --- | --- | --- | --- |");
        foreach (var r in rows)
        {
            var rules = r.Rules.Where(m => m.RequirementId == r.Requirement.Id)
                .Select(m => $"[{m.RuleId}]({DocLink(m.RuleId)}) ({m.Coverage.ToString().ToLowerInvariant()})");
            var below = r.Rules.Count(m => m.RequirementId != r.Requirement.Id);
            var cell = string.Join(", ", rules) + (below > 0 ? $"{(rules.Any() ? "; " : "")}{below} mapping(s) below" : "");
            o.WriteLine($"| {r.Requirement.Id} | {AutomationName(r.Requirement.Automation)} | {cell} | {r.Requirement.Summary.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }
    }

    // Scan rules have a page each; monitor rules (CloudTrail detections) share one catalogue page.
    private static string DocLink(string ruleId) =>
        ruleId.StartsWith("PCZ-MON-", StringComparison.Ordinal)
            ? $"../monitor-catalogue.md#{ruleId.ToLowerInvariant()}"
            : $"../rules/{ruleId}.md";

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 || field.StartsWith('=') || field.StartsWith('+') || field.StartsWith('-') || field.StartsWith('@')
            ? "\"" + (field.StartsWith('=') || field.StartsWith('+') || field.StartsWith('-') || field.StartsWith('@') ? "'" : "") + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
