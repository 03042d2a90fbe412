using System.Text.Encodings.Web;
using System.Text.Json;
using PciZone.Compliance;
using Spectre.Console;

namespace PciZone.Cli.RulesCmd;

/// <summary>Writes <c>rules list</c> as JSON, a plain aligned table, or a Spectre table on a terminal.</summary>
internal static class RuleListWriter
{
    private static readonly string[] Headers = ["ID", "SEVERITY", "SERVICE", "SLUG", "REQUIREMENTS"];

    public static void WriteJson(IReadOnlyList<RuleRow> rows, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                var d = row.Rule;
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("slug", d.Slug);
                json.WriteString("title", d.Title);
                json.WriteString("severity", Wire.Name(d.Severity));
                json.WriteString("status", Wire.Name(d.Status));
                json.WriteString("service", d.Service);
                json.WriteStartArray("requirements");
                foreach (var r in row.Requirements)
                {
                    json.WriteStringValue(r);
                }

                json.WriteEndArray();
                json.WriteString("helpUri", d.HelpUri);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static void WriteTable(IReadOnlyList<RuleRow> rows, CliHost host)
    {
        var cells = rows.Select(r => new[]
        {
            r.Rule.Id, Wire.Name(r.Rule.Severity), r.Rule.Service, r.Rule.Slug, string.Join(' ', r.Requirements),
        }).ToList();
        if (host.UseRichOutput)
        {
            WriteSpectre(cells, host.Out);
        }
        else
        {
            WritePlain(cells, host.Out);
        }

        host.Out.WriteLine($"{rows.Count} rule(s)");
    }

    private static void WritePlain(List<string[]> cells, TextWriter output)
    {
        var widths = Headers.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();
        void Line(IReadOnlyList<string> values) =>
            output.WriteLine(string.Join("  ", values.Select((v, i) => i == values.Count - 1 ? v : v.PadRight(widths[i]))).TrimEnd());
        Line(Headers);
        foreach (var c in cells)
        {
            Line(c);
        }
    }

    private static void WriteSpectre(List<string[]> cells, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var h in Headers)
        {
            var column = new TableColumn($"[bold]{h}[/]");
            table.AddColumn(h is "ID" or "SEVERITY" or "SERVICE" ? column.NoWrap() : column);
        }

        foreach (var c in cells)
        {
            var colour = c[1] switch { "critical" => "red bold", "high" => "red", "medium" => "yellow", _ => "grey" };
            table.AddRow(Markup.Escape(c[0]), $"[{colour}]{Markup.Escape(c[1])}[/]", Markup.Escape(c[2]), Markup.Escape(c[3]), Markup.Escape(c[4]));
        }

        console.Write(table);
    }
}
