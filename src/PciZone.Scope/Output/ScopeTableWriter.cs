using System.Globalization;
using System.Text;
using PciZone.Scope.Result;

namespace PciZone.Scope.Output;

/// <summary>
/// Plain text for people: systems grouped by scope category in aligned columns, then each
/// segmentation violation with its path one hop per line, then counts and notes. Columns are as wide
/// as their longest value (nothing is cut: an address is evidence); every value is flattened to one
/// line. LF line ends.
/// </summary>
internal sealed class ScopeTableWriter
{
    private const string Indent = "  ";
    private const string Gap = "  ";

    private readonly ScopeView _view;
    private readonly TextWriter _out;

    private ScopeTableWriter(ScopeView view, TextWriter output)
    {
        _view = view;
        _out = output;
    }

    public static void Write(ScopeResult result, TextWriter output)
    {
        new ScopeTableWriter(new ScopeView(result), output).Write();
        output.Flush();
    }

    private void Write()
    {
        Line(string.Create(CultureInfo.InvariantCulture,
            $"pcizone scope: {_view.Systems.Count} systems, {_view.Flows.Count} flows, {_view.Violations.Count} segmentation violations"));
        Line("CDE selectors: " + (_view.Result.CdeSelectors.Count == 0 ? "(none)" : string.Join(", ", _view.Result.CdeSelectors)));
        WriteSystems();
        WriteViolations();
        WriteCounts();
        if (_view.Result.Notes.Count > 0)
        {
            Line("");
            Line("Notes");
            foreach (var note in _view.Result.Notes)
            {
                Line(Indent + "- " + note);
            }
        }
    }

    private void WriteSystems()
    {
        string[] header = ["SYSTEM", "TYPE", "VPC / SUBNET", "REASON"];
        var rows = _view.Systems
            .Select(s => new[] { s.Address, s.Type, ScopeWording.Placement(s), s.Reason }.Select(ScopeWording.Flatten).ToArray())
            .ToList();
        var widths = new int[header.Length - 1];
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] = rows.Select(r => r[i].Length).Append(header[i].Length).Max();
        }

        foreach (var category in ScopeWording.Categories)
        {
            var members = Enumerable.Range(0, rows.Count).Where(i => _view.Systems[i].Category == category).ToList();
            Line("");
            Line(string.Create(CultureInfo.InvariantCulture, $"{ScopeWording.CategoryHeading(category)} ({members.Count})"));
            if (members.Count == 0)
            {
                Line(Indent + "(none)");
                continue;
            }

            Line(Row(header, widths));
            foreach (var i in members)
            {
                Line(Row(rows[i], widths));
            }
        }
    }

    private void WriteViolations()
    {
        Line("");
        Line(string.Create(CultureInfo.InvariantCulture, $"Segmentation violations ({_view.Violations.Count})"));
        if (_view.Violations.Count == 0)
        {
            Line(Indent + "(none)");
            return;
        }

        var number = 0;
        foreach (var v in _view.Violations)
        {
            var f = v.Flow;
            var label = string.Create(CultureInfo.InvariantCulture, $"{++number}. ");
            var pad = new string(' ', label.Length);
            Line("");
            Line(Indent + label + $"{v.Check}: {f.From} -> {f.To}  {f.Traffic}  {ScopeWording.Verdict(f.Verdict)}"
                 + (v.Requirements.Count > 0 ? "  requirements " + string.Join(", ", v.Requirements) : ""));
            Line(Indent + pad + v.Message);
            if (f.UnknownBecause is { } why)
            {
                Line(Indent + pad + "unknown because: " + why);
            }

            var kindWidth = f.Path.Select(h => ScopeWording.Flatten(h.Kind).Length).DefaultIfEmpty(0).Max();
            var componentWidth = f.Path.Select(h => ScopeWording.Flatten(h.Component).Length).DefaultIfEmpty(0).Max();
            foreach (var hop in f.Path)
            {
                var location = ScopeWording.Location(hop.Source);
                var text = new StringBuilder(Indent + pad)
                    .Append(ScopeWording.Flatten(hop.Kind).PadRight(kindWidth)).Append(Gap)
                    .Append(ScopeWording.Flatten(hop.Component).PadRight(componentWidth)).Append(Gap)
                    .Append(ScopeWording.Flatten(hop.Entry));
                if (location.Length > 0)
                {
                    text.Append(Gap).Append('(').Append(ScopeWording.Flatten(location)).Append(')');
                }

                Line(text.ToString());
            }
        }
    }

    private void WriteCounts()
    {
        Line("");
        Line("Counts");
        var categories = string.Join(", ", ScopeWording.Categories.Select(c => $"{ScopeWording.Category(c)} {_view.Count(c)}"));
        var verdicts = string.Join(", ", ScopeWording.Verdicts.Select(v => $"{ScopeWording.Verdict(v)} {_view.Count(v)}"));
        var checks = string.Join(", ", _view.Violations.GroupBy(v => v.Check, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        Line(Indent + string.Create(CultureInfo.InvariantCulture, $"systems     {_view.Systems.Count,5}  ({categories})"));
        Line(Indent + string.Create(CultureInfo.InvariantCulture, $"flows       {_view.Flows.Count,5}  ({verdicts})"));
        Line(Indent + string.Create(CultureInfo.InvariantCulture, $"violations  {_view.Violations.Count,5}") + (checks.Length > 0 ? $"  ({checks})" : ""));
    }

    private static string Row(IReadOnlyList<string> cells, int[] widths)
    {
        var sb = new StringBuilder(Indent);
        for (var i = 0; i < widths.Length; i++)
        {
            sb.Append(cells[i].PadRight(widths[i])).Append(Gap);
        }

        return sb.Append(cells[^1]).ToString().TrimEnd();
    }

    // Every line goes through here: one flattening point, no trailing blanks, LF whatever the platform.
    private void Line(string text)
    {
        _out.Write(ScopeWording.Flatten(text).TrimEnd());
        _out.Write('\n');
    }
}
