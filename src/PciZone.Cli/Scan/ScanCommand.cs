using System.CommandLine;
using PciZone.Cli.Config;

namespace PciZone.Cli.Scan;

/// <summary>The <c>scan</c> command: options and their help text.</summary>
internal static class ScanCommand
{
    public static Command Build(CliHost host)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Terraform plan JSON (terraform show -json), CloudFormation templates (JSON/YAML), or directories holding them.",
            Arity = ArgumentArity.OneOrMore,
        };
        // An unknown --flag would otherwise be taken for a PATH and end as "no such file" (exit 3).
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(t => t.Value))
            {
                if (token.StartsWith('-') && token.Length > 1 && !File.Exists(token) && !Directory.Exists(token))
                {
                    result.AddError($"unknown option '{token}'");
                }
            }
        });
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Output format NAME or NAME=FILE (table, json, sarif, junit, csv). Repeatable; at most one without =FILE goes to stdout. [default: table]",
            HelpName = "NAME[=FILE]",
            Arity = ArgumentArity.OneOrMore,
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a failure of this severity or higher is found: info, low, medium, high, critical, or none. [default: high]",
            HelpName = "SEVERITY",
        };
        var failOnUnknown = new Option<bool>("--fail-on-unknown")
        {
            Description = "Also count findings the scan could not decide (unknown) against the --fail-on gate.",
        };
        var rule = new Option<string[]>("--rule")
        {
            Description = "Run only this rule (id or slug). Repeatable.",
            HelpName = "ID",
            Arity = ArgumentArity.OneOrMore,
        };
        var skipRule = new Option<string[]>("--skip-rule")
        {
            Description = "Do not run this rule (id or slug). Repeatable.",
            HelpName = "ID",
            Arity = ArgumentArity.OneOrMore,
        };
        var requirement = new Option<string>("--requirement")
        {
            Description = "Run only rules mapped to this PCI DSS requirement or below it (10.5 matches 10.5 and 10.5.1).",
            HelpName = "PREFIX",
        };
        var config = new Option<string>("--config")
        {
            Description = $"Config file to use instead of the {ConfigFile.FileName} found from the first PATH upward.",
            HelpName = "FILE",
        };
        var verbose = new Option<bool>("--verbose")
        {
            Description = "Also list input notes (resource types without a model, and the like) on stderr.",
        };

        var noInline = new Option<bool>("--no-inline-suppressions")
        {
            Description = "Ignore pcizone:ignore comments (Terraform) and Metadata.pcizone.ignore (CloudFormation); exceptions in the config still apply.",
        };
        var baseline = new Option<string>("--baseline")
        {
            Description = "A JSON report of an earlier scan: its failures are reported as suppressed (baseline), only new ones fail, fixed ones are listed.",
            HelpName = "FILE",
        };

        var command = new Command("scan", "Scan infrastructure code and report PCI DSS v4.0.1 gaps.")
        {
            paths, format, failOn, failOnUnknown, rule, skipRule, requirement, config, verbose, noInline, baseline,
        };
        command.SetAction(parse => ScanRunner.Run(
            new ScanFlags(
                parse.GetValue(paths) ?? [],
                parse.GetValue(format) ?? [],
                parse.GetValue(failOn),
                parse.GetValue(failOnUnknown),
                parse.GetValue(rule) ?? [],
                parse.GetValue(skipRule) ?? [],
                parse.GetValue(requirement),
                parse.GetValue(config),
                parse.GetValue(verbose))
            {
                NoInlineSuppressions = parse.GetValue(noInline),
                Baseline = parse.GetValue(baseline),
            },
            host));
        return command;
    }
}
