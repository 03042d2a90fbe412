using System.Globalization;
using System.Net;
using PciZone.Compliance;

namespace PciZone.Reporting.Matrix;

/// <summary>
/// The matrix as one self-contained HTML page (no scripts, no external assets) for an assessor: a
/// summary of statuses, then one row per requirement with its rules, counts and attestation.
/// </summary>
internal static class MatrixHtml
{
    public static void Write(IReadOnlyList<MatrixRow> rows, bool evaluated, TextWriter o)
    {
        var by = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        o.Write("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>PCI DSS v4.0.1 compliance matrix</title>
            <style>
            body { font: 14px system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; position: sticky; top: 0; }
            td.num { text-align: right; }
            .failed { background: #fde2e1; } .unknown { background: #fff4d6; } .passed { background: #e3f5e1; }
            .attested { background: #e1ecfb; } .not-evaluated { color: #666; }
            </style>
            </head>
            <body>
            <h1>PCI DSS v4.0.1 compliance matrix</h1>

            """);
        o.Write("<p id=\"summary\">");
        o.Write(string.Join(", ", Enum.GetValues<MatrixStatus>().Select(s => $"{MatrixWriter.StatusName(s)}: {by.GetValueOrDefault(s)}")));
        o.Write(evaluated ? "" : " (no scan given: nothing is evaluated)");
        o.WriteLine("</p>");
        o.WriteLine("<table>");
        o.WriteLine("<thead><tr><th>Requirement</th><th>Summary</th><th>Automation</th><th>Status</th><th>Rules</th><th>Pass</th><th>Fail</th><th>Unknown</th><th>Suppressed</th><th>Attestation</th></tr></thead>");
        o.WriteLine("<tbody>");
        foreach (var r in rows)
        {
            var status = MatrixWriter.StatusName(r.Status);
            var css = status.Replace(' ', '-');
            var rules = string.Join(", ", r.Rules.Select(m => m.RuleId).Distinct().Select(WebUtility.HtmlEncode));
            var attestation = r.Attestation is { } a
                ? $"{WebUtility.HtmlEncode(a.By)}, {a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {WebUtility.HtmlEncode(a.Evidence)}"
                : "";
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"<tr data-requirement=\"{WebUtility.HtmlEncode(r.Requirement.Id)}\" class=\"{css}\"><td>{WebUtility.HtmlEncode(r.Requirement.Id)}</td><td>{WebUtility.HtmlEncode(r.Requirement.Summary)}</td><td>{MatrixWriter.AutomationName(r.Requirement.Automation)}</td><td class=\"status\">{status}</td><td>{rules}</td><td class=\"num\">{r.Counts.Pass}</td><td class=\"num\">{r.Counts.Fail}</td><td class=\"num\">{r.Counts.Unknown}</td><td class=\"num\">{r.Counts.Suppressed}</td><td>{attestation}</td></tr>"));
        }

        o.WriteLine("</tbody>");
        o.WriteLine("</table>");
        o.WriteLine("</body>");
        o.WriteLine("</html>");
    }
}
