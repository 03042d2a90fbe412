using System.Globalization;
using PciZone.Compliance;

namespace PciZone.Reporting;

/// <summary>The table report's closing sections: requirement counts, totals, inputs, skipped files, errors.</summary>
internal static class TableSummaries
{
    public static void Write(TableOutput o, ScanReport report, ReportFacts facts)
    {
        WriteRequirements(o, facts);
        WriteTotals(o, facts);
        WriteInputs(o, report);
    }

    private static void WriteRequirements(TableOutput o, ReportFacts facts)
    {
        o.Heading("REQUIREMENTS TOUCHED");
        if (facts.Requirements.Count == 0)
        {
            o.Line("  none");
            return;
        }

        var idWidth = Math.Max("REQUIREMENT".Length, facts.Requirements.Max(r => r.Id.Length));
        var digits = facts.Requirements.Max(r => Digits(r.Counts.Total));
        string[] headers = ["PASS", "FAIL", "UNKNOWN", "SUPPRESSED"];
        var widths = headers.Select(h => Math.Max(h.Length, digits)).ToArray();
        var summaryWidth = Math.Max(20, TextLayout.Width - (2 + idWidth + widths.Sum(w => w + 2) + 2));
        o.Line($"  {"REQUIREMENT".PadRight(idWidth)}  {string.Join("  ", headers.Select((h, i) => h.PadLeft(widths[i])))}  SUMMARY");
        foreach (var r in facts.Requirements)
        {
            var summary = r.Requirement?.Summary ?? "(not in the PCI DSS v4.0.1 catalogue)";
            int[] counts = [r.Counts.Pass, r.Counts.Fail, r.Counts.Unknown, r.Counts.Suppressed];
            var cells = string.Join("  ", counts.Select((c, i) => c.ToString(CultureInfo.InvariantCulture).PadLeft(widths[i])));
            o.Line($"  {r.Id.PadRight(idWidth)}  {cells}  {TextLayout.Truncate(summary, summaryWidth)}");
        }
    }

    private static int Digits(int value) => value.ToString(CultureInfo.InvariantCulture).Length;

    private static void WriteTotals(TableOutput o, ReportFacts facts)
    {
        var t = facts.Totals;
        var bySeverity = string.Join(", ", new[] { Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info }
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{Wording.Severity(s)} {facts.FailuresBySeverity[(int)s]}")));
        o.Heading("TOTALS");
        o.Line(string.Create(CultureInfo.InvariantCulture,
            $"  findings   {t.Total} (fail {t.Fail}, pass {t.Pass}, unknown {t.Unknown}, suppressed {t.Suppressed})"));
        o.Line($"  failures   {bySeverity}");
        o.Line(string.Create(CultureInfo.InvariantCulture, $"  rules      {facts.Rules.Count}"));
        o.Line(string.Create(CultureInfo.InvariantCulture, $"  resources  {facts.Resources}"));
    }

    private static void WriteInputs(TableOutput o, ScanReport report)
    {
        o.Heading(string.Create(CultureInfo.InvariantCulture, $"INPUTS READ ({report.Inputs.Count})"));
        if (report.Inputs.Count > 0)
        {
            var formatWidth = Math.Max("FORMAT".Length, report.Inputs.Max(i => i.Format.Length));
            o.Line($"  {"FORMAT".PadRight(formatWidth)}  {"RESOURCES",9}  PATH");
            foreach (var i in report.Inputs)
            {
                o.Line(string.Create(CultureInfo.InvariantCulture,
                    $"  {TextLayout.Flatten(i.Format).PadRight(formatWidth)}  {i.Resources,9}  {TextLayout.Flatten(i.Path)}"));
            }
        }

        o.Heading(string.Create(CultureInfo.InvariantCulture, $"SKIPPED FILES ({report.Skipped.Count})"));
        foreach (var s in report.Skipped)
        {
            Item(o, TextLayout.Flatten(s.Path), s.Reason);
        }

        o.Heading(string.Create(CultureInfo.InvariantCulture, $"ERRORS ({report.Errors.Count})"));
        foreach (var e in report.Errors)
        {
            Item(o, TextLayout.Flatten(Wording.Location(e.File, e.Line)), e.Message);
        }
    }

    // The path on its own line, the reason wrapped under it: paths are too long to share a column.
    private static void Item(TableOutput o, string what, string why)
    {
        o.Line($"  {what}");
        o.Wrapped("      ", why, TextLayout.Width - 6);
    }
}
