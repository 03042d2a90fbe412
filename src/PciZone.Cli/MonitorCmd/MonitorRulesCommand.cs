using System.CommandLine;
using PciZone.Compliance;
using PciZone.Monitoring.Rules;

namespace PciZone.Cli.MonitorCmd;

/// <summary><c>pcizone monitor rules list|test</c>: the rule pack, and a test runner for rule folders.</summary>
internal static class MonitorRulesCommand
{
    public static Command Build(CliHost host)
    {
        var command = new Command("rules", "List the monitor rules, or test rule folders against their match/nomatch samples.");
        command.Subcommands.Add(List(host));
        command.Subcommands.Add(Test(host));
        command.SetAction(_ =>
        {
            host.Log("a rules command is required (list, test)");
            return ExitCodes.Usage;
        });
        return command;
    }

    private static Command List(CliHost host)
    {
        var rules = new Option<string[]>("--rules") { Description = "Extra rule files or folders (repeatable).", HelpName = "PATH" };
        var format = new Option<string>("--format", "-f") { Description = "table or json. [default: table]", HelpName = "FORMAT" };
        var config = new Option<string>("--config") { Description = "Config file with a monitor: section.", HelpName = "FILE" };
        var placeholders = new Option<string[]>("--placeholders") { Description = "YAML file of placeholder values for |expand rules (repeatable).", HelpName = "FILE" };
        var command = new Command("list", "Every monitor rule with its level, kind and PCI DSS requirements, and the rules waiting for placeholder values.")
        {
            rules, format, config, placeholders,
        };
        command.SetAction(parse =>
        {
            var set = MonitorSettings.Rules(MonitorSettings.Config(parse.GetValue(config)), parse.GetValue(rules) ?? [], parse.GetValue(placeholders) ?? []);
            switch (parse.GetValue(format) ?? "table")
            {
                case "json":
                    IncidentText.WriteJson(host.Out, new { rules = set.Rules, inactive = set.Inactive });
                    break;
                case "table":
                    host.Out.WriteLine($"{"ID",-11}  {"LEVEL",-8}  {"KIND",-9}  {"REQUIREMENTS",-24}  TITLE");
                    foreach (var r in set.Rules)
                    {
                        host.Out.WriteLine($"{r.Id,-11}  {Wire.Name(r.Level),-8}  {r.Kind,-9}  {string.Join(",", r.Requirements),-24}  {r.Title}");
                    }

                    foreach (var r in set.Inactive)
                    {
                        host.Out.WriteLine($"{r.Id,-11}  {"off",-8}  {"-",-9}  {"-",-24}  waits for placeholder values: {string.Join(", ", r.MissingPlaceholders)}");
                    }

                    host.Out.WriteLine($"{set.Rules.Count} rules active, {set.Inactive.Count} waiting for placeholder values (monitor.placeholders)");
                    break;
                case var other:
                    throw new UsageException($"--format: '{other}' is not one of table, json");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Test(CliHost host)
    {
        var folders = new Argument<string[]>("FOLDER") { Description = "Rule folders (rule.yaml with match/*.json and nomatch/*.json), or folders above them.", Arity = ArgumentArity.OneOrMore };
        var placeholders = new Option<string>("--placeholders") { Description = "YAML file of placeholder values for |expand rules.", HelpName = "FILE" };
        var command = new Command("test", "Run each rule folder's samples: a match sample must raise the rule, a nomatch sample must not. Exit 1 on any failure.") { folders, placeholders };
        command.SetAction(parse =>
        {
            IReadOnlyDictionary<string, IReadOnlyList<string>>? values = null;
            if (parse.GetValue(placeholders) is { } file)
            {
                values = File.Exists(file) ? MonitorRules.LoadPlaceholders(file, out var perrors) : throw new UsageException($"{file}: placeholder file not found");
                if (perrors.Count > 0)
                {
                    throw new UsageException(perrors[0].ToString());
                }
            }

            var failed = 0;
            var ran = 0;
            foreach (var folder in RuleFolders(parse.GetValue(folders) ?? []))
            {
                var outcomes = RuleSamples.Run(folder, values, out var errors);
                foreach (var e in errors)
                {
                    host.Out.WriteLine($"FAIL  {e}");
                    failed++;
                }

                foreach (var o in outcomes)
                {
                    ran++;
                    host.Out.WriteLine($"{(o.Passed ? "ok  " : "FAIL")}  {o.File}  ({(o.ExpectMatch ? "match" : "nomatch")}, {o.Alerts} alert(s)){(o.Passed ? "" : ": " + o.Message)}");
                    failed += o.Passed ? 0 : 1;
                }
            }

            host.Out.WriteLine($"{ran} sample(s), {failed} failure(s)");
            return failed > 0 ? ExitCodes.FindingsAtGate : ExitCodes.Ok;
        });
        return command;
    }

    private static IEnumerable<string> RuleFolders(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                throw new UsageException($"{path}: folder not found");
            }

            var found = Directory.GetFiles(path, "rule.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (found.Count == 0)
            {
                throw new UsageException($"{path}: no rule.yaml below this folder");
            }

            foreach (var f in found)
            {
                yield return Path.GetDirectoryName(f)!;
            }
        }
    }
}
