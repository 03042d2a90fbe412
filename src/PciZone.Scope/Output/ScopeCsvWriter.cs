using System.Globalization;
using PciZone.Scope.Result;

namespace PciZone.Scope.Output;

/// <summary>
/// The flows matrix: RFC 4180 CSV, one row per flow in <see cref="ScopeView"/> order, CRLF line ends.
/// Unlike the scan report's CSV (which round-trips its values), this file is meant to be opened in a
/// spreadsheet, and its values come from the scanned code (tags, descriptions, names): a cell that
/// starts with <c>= + - @</c>, tab or CR gets a leading apostrophe so it is shown as text and never
/// evaluated as a formula (OWASP "CSV injection").
/// </summary>
internal sealed class ScopeCsvWriter
{
    public const string Header =
        "from,from_category,to,to_category,traffic,verdict,declared,violations,requirements,blocked_by,unknown_because,hops,first_hop,path";

    /// <summary>Separates hops inside the <c>path</c> cell.</summary>
    public const string HopSeparator = " | ";

    private const string LineEnd = "\r\n";

    public static void Write(ScopeResult result, TextWriter output)
    {
        var view = new ScopeView(result);
        output.Write(Header);
        output.Write(LineEnd);
        foreach (var f in view.Flows)
        {
            var violations = view.ViolationsOf(f);
            string[] cells =
            [
                f.From,
                view.CategoryOf(f.From),
                f.To,
                view.CategoryOf(f.To),
                f.Traffic,
                ScopeWording.Verdict(f.Verdict),
                f.Declared ? "true" : "false",
                string.Join(';', violations.Select(v => v.Check).Distinct(StringComparer.Ordinal)),
                string.Join(';', violations.SelectMany(v => v.Requirements).Distinct(StringComparer.Ordinal)),
                f.BlockedBy is { } b ? ScopeWording.Hop(b) : "",
                f.UnknownBecause ?? "",
                f.Path.Count.ToString(CultureInfo.InvariantCulture),
                f.Path.Count > 0 ? ScopeWording.Hop(f.Path[0]) : "",
                string.Join(HopSeparator, f.Path.Select(ScopeWording.Hop)),
            ];
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                {
                    output.Write(',');
                }

                Field(output, cells[i]);
            }

            output.Write(LineEnd);
        }

        output.Flush();
    }

    /// <summary>Writes one cell: defused if a spreadsheet would read it as a formula, then quoted when RFC 4180 requires it.</summary>
    internal static void Field(TextWriter output, string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        if (safe.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            output.Write(safe);
            return;
        }

        output.Write('"');
        output.Write(safe.Replace("\"", "\"\"", StringComparison.Ordinal));
        output.Write('"');
    }
}
