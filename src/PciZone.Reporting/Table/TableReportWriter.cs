using PciZone.Compliance;

namespace PciZone.Reporting;

/// <summary>
/// Plain-text report for people: failed, unknown and suppressed findings under each PCI DSS
/// requirement they map to (catalogue order), then per-requirement counts, totals, inputs, skipped
/// files and errors. No colour codes; lines fit 120 columns; '\n' line ends on every platform.
/// </summary>
internal sealed class TableReportWriter : IReportWriter
{
    private const string NoRequirement = "(none)";

    public string Name => "table";

    public void Write(ScanReport report, TextWriter output)
    {
        var facts = new ReportFacts(report);
        var o = new TableOutput(output);
        o.Line($"{Wording.ToolName} {report.ToolVersion} scan report, PCI DSS v4.0.1");
        WriteFindings(o, report);
        TableSummaries.Write(o, report, facts);
        output.Flush();
    }

    private static void WriteFindings(TableOutput o, ScanReport report)
    {
        var shown = report.Findings.Where(f => f.Status != FindingStatus.Pass).ToList();
        o.Heading("FINDINGS BY REQUIREMENT");
        if (shown.Count == 0)
        {
            o.Line("  No failed, unknown or suppressed findings.");
            return;
        }

        o.Line("  Failed, unknown and suppressed findings; passes are counted in the summary below.");
        var groups = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var f in shown)
        {
            IReadOnlyList<string> requirements = f.Requirements.Count == 0 ? [NoRequirement] : f.Requirements;
            foreach (var req in requirements)
            {
                if (!groups.TryGetValue(req, out var list))
                {
                    groups[req] = list = [];
                }

                list.Add(f);
            }
        }

        var ruleWidth = Math.Max("RULE".Length, shown.Max(f => f.RuleId.Length));
        foreach (var (id, findings) in groups
                     .OrderBy(g => ReportFacts.CatalogueOrder(report.Catalogue, g.Key))
                     .ThenBy(g => g.Key == NoRequirement ? 1 : 0)
                     .ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var heading = id == NoRequirement
                ? "Mapped to no requirement"
                : $"{id}  {report.Catalogue.Find(id)?.Summary ?? "(not in the PCI DSS v4.0.1 catalogue)"}";
            o.Blank();
            o.Line(TextLayout.Truncate(heading, TextLayout.Width));
            o.Line($"  {"STATUS",-10}  {"SEVERITY",-8}  {"RULE".PadRight(ruleWidth)}  RESOURCE, LOCATION, MESSAGE");
            foreach (var f in findings
                         .OrderByDescending(f => f.Severity)
                         .ThenBy(f => f.Status switch { FindingStatus.Fail => 0, FindingStatus.Unknown => 1, _ => 2 })
                         .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                         .ThenBy(f => f.ResourceAddress, StringComparer.Ordinal))
            {
                WriteFinding(o, f, ruleWidth);
            }
        }
    }

    private static void WriteFinding(TableOutput o, Finding f, int ruleWidth)
    {
        var prefix = $"  {Wording.Status(f.Status),-10}  {Wording.Severity(f.Severity),-8}  {f.RuleId.PadRight(ruleWidth)}  ";
        var indent = new string(' ', prefix.Length);
        var width = Math.Max(40, TextLayout.Width - prefix.Length);
        var location = f.File.Length == 0 ? "(no file)" : Wording.Location(f.File, f.Line);
        var address = TextLayout.Flatten(f.ResourceAddress);
        IEnumerable<string> head = address.Length + 2 + location.Length <= width
            ? [$"{address}  {location}"]
            : TextLayout.Wrap(address, width).Append(location);
        var first = true;
        foreach (var line in head)
        {
            o.Line((first ? prefix : indent) + line);
            first = false;
        }

        o.Wrapped(indent, f.Message, width);
        if (f.Status == FindingStatus.Suppressed)
        {
            o.Wrapped(indent, $"Suppressed: {f.SuppressionReason}", width);
        }
    }
}

/// <summary>Writes lines with '\n' whatever the platform, so the output is the same bytes everywhere.</summary>
internal sealed class TableOutput(TextWriter output)
{
    public void Line(string text)
    {
        output.Write(text.TrimEnd());
        output.Write('\n');
    }

    public void Blank() => output.Write('\n');

    public void Heading(string title)
    {
        Blank();
        Line(title);
    }

    public void Wrapped(string indent, string text, int width)
    {
        foreach (var line in TextLayout.Wrap(text, width))
        {
            Line(indent + line);
        }
    }
}
