using System.CommandLine;
using System.Text.Json;
using PciZone.Cli.Scan;

namespace PciZone.Cli.DiffCmd;

/// <summary>
/// <c>pcizone diff OLD.json NEW.json</c>: which failures are new, which were fixed, which remain.
/// Exit 1 when there are new failures, so a pipeline can gate on "nothing got worse".
/// </summary>
internal static class DiffCommand
{
    public static Command Build(CliHost host)
    {
        var oldReport = new Argument<string>("OLD") { Description = "JSON report of the earlier scan (--format json=FILE)." };
        var newReport = new Argument<string>("NEW") { Description = "JSON report of the later scan." };
        var format = new Option<string>("--format", "-f") { Description = "text or json. [default: text]", HelpName = "FORMAT" };
        var command = new Command("diff", "Compare two JSON scan reports: new failures, fixed failures, failures that remain.") { oldReport, newReport, format };
        command.SetAction(parse => Run(host, parse.GetValue(oldReport)!, parse.GetValue(newReport)!, parse.GetValue(format) ?? "text"));
        return command;
    }

    private static int Run(CliHost host, string oldPath, string newPath, string format)
    {
        if (format is not ("text" or "json"))
        {
            throw new UsageException($"--format: '{format}' is not text or json");
        }

        var before = BaselineReport.Failures(oldPath, "OLD");
        var after = BaselineReport.Failures(newPath, "NEW");
        var added = after.Except(before).Order().ToList();
        var fixedOnes = before.Except(after).Order().ToList();
        var remaining = after.Intersect(before).Order().ToList();
        if (format == "json")
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                WriteJson(writer, added, fixedOnes, remaining);
            }

            host.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            Section(host.Out, "new failures", added);
            Section(host.Out, "fixed", fixedOnes);
            host.Out.WriteLine($"{added.Count} new, {fixedOnes.Count} fixed, {remaining.Count} still failing");
        }

        return added.Count > 0 ? ExitCodes.FindingsAtGate : ExitCodes.Ok;
    }

    private static void Section(TextWriter output, string title, List<(string Rule, string Address)> items)
    {
        output.WriteLine($"{title} ({items.Count}):");
        foreach (var (rule, address) in items)
        {
            output.WriteLine($"  {rule}  {address}");
        }
    }

    private static void WriteJson(Utf8JsonWriter w, params List<(string Rule, string Address)>[] lists)
    {
        string[] names = ["new", "fixed", "stillFailing"];
        w.WriteStartObject();
        for (var i = 0; i < lists.Length; i++)
        {
            w.WriteStartArray(names[i]);
            foreach (var (rule, address) in lists[i])
            {
                w.WriteStartObject();
                w.WriteString("ruleId", rule);
                w.WriteString("address", address);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
