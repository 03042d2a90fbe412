using System.CommandLine;
using PciZone.Cli.Config;
using PciZone.Cli.Scan;
using PciZone.Compliance;
using PciZone.Rules.Aws.VPC;
using PciZone.Scope;
using PciZone.Scope.Output;

namespace PciZone.Cli.ScopeCmd;

/// <summary>
/// <c>pcizone scope PATH... [--cde SELECTOR]... [--format table|json|csv|dot|svg]</c>: CDE scope and
/// segmentation from exact reachability. Exit 1 when a segmentation check fails.
/// </summary>
internal static class ScopeCommand
{
    private static readonly string[] Formats = [.. ScopeOutput.Formats, "svg"];

    public static Command Build(CliHost host)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Terraform plan JSON files, CloudFormation templates, or folders of them.", Arity = ArgumentArity.OneOrMore };
        var cde = new Option<string[]>("--cde") { Description = "CDE selector (repeatable): tag:KEY=VALUE, subnet:, sg:, vpc:, account: or an address pattern. Replaces scope.cde of the config.", HelpName = "SELECTOR", AllowMultipleArgumentsPerToken = false };
        var entry = new Option<string[]>("--entry-point") { Description = "Selector of a system approved to take internet traffic into the CDE (repeatable; adds to the config's).", HelpName = "SELECTOR" };
        var format = new Option<string>("--format", "-f") { Description = $"{string.Join(", ", Formats)}. [default: table]", HelpName = "FORMAT" };
        var output = new Option<string>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };
        var config = new Option<string>("--config") { Description = $"Config file with a scope: section instead of the {ConfigFile.FileName} found from the first PATH upward.", HelpName = "FILE" };
        var allFlows = new Option<bool>("--all-flows") { Description = "Report every reachable flow, not only those that touch the CDE or the internet." };
        var blocked = new Option<bool>("--include-blocked") { Description = "Draw blocked flows (dashed) in the dot and svg diagrams." };
        var command = new Command("scope", "CDE scope and segmentation from exact network reachability: scope classes, evidence paths, flows matrix, diagram.")
        {
            paths, cde, entry, format, output, config, allFlows, blocked,
        };
        command.SetAction(parse => Run(host, new Request(parse.GetValue(paths) ?? [], parse.GetValue(cde) ?? [], parse.GetValue(entry) ?? [],
            parse.GetValue(format) ?? "table", parse.GetValue(output), parse.GetValue(config), parse.GetValue(allFlows), parse.GetValue(blocked))));
        return command;
    }

    private sealed record Request(string[] Paths, string[] Cde, string[] Entry, string Format, string? Output, string? Config, bool AllFlows, bool IncludeBlocked);

    private static int Run(CliHost host, Request req)
    {
        if (!Formats.Contains(req.Format))
        {
            throw new UsageException($"--format: '{req.Format}' is not one of {string.Join(", ", Formats)}");
        }

        foreach (var s in req.Cde.Concat(req.Entry))
        {
            if (ScopeAnalyzer.ValidateSelector(s) is { } error)
            {
                throw new UsageException($"--cde/--entry-point: {error}");
            }
        }

        if (req.Format == "svg")
        {
            GraphvizSvg.EnsureAvailable();
        }

        var options = Options(req, ConfigFile.Discover(req.Config, req.Paths));
        var load = InputLoading.Load(req.Paths);
        foreach (var error in load.Errors)
        {
            host.Log($"error: {error}");
        }

        var result = ScopeAnalyzer.Analyze(load.Estate, options, Requirements, req.AllFlows);
        using var file = req.Output is null ? null : new StreamWriter(req.Output);
        var writer = (TextWriter?)file ?? host.Out;
        var dot = new ScopeDotOptions(IncludeBlocked: req.IncludeBlocked);
        switch (req.Format)
        {
            case "json": ScopeOutput.WriteJson(result, writer, CliApp.Version); break;
            case "csv": ScopeOutput.WriteCsv(result, writer); break;
            case "dot": ScopeOutput.WriteDot(result, writer, dot); break;
            case "svg": writer.Write(GraphvizSvg.Render(w => ScopeOutput.WriteDot(result, w, dot), host.Log)); break;
            default: ScopeOutput.WriteTable(result, writer); break;
        }

        writer.Flush();
        if (req.Output is not null)
        {
            host.Log($"{result.Systems.Count} systems, {result.Flows.Count} flows, {result.Violations.Count} violations -> {req.Output}");
        }

        return load.Errors.Count > 0 ? ExitCodes.InputError : result.Violations.Count > 0 ? ExitCodes.FindingsAtGate : ExitCodes.Ok;
    }

    private static ScopeOptions Options(Request req, ConfigFile? config)
    {
        var options = config?.Scope?.Options ?? ScopeOptions.Default;
        if (req.Cde.Length > 0)
        {
            options = options with { Cde = req.Cde };
        }

        return req.Entry.Length > 0 ? options with { EntryPoints = [.. options.EntryPoints, .. req.Entry] } : options;
    }

    /// <summary>A check's requirements are those the mapping file gives its rule in the pack.</summary>
    private static IReadOnlyList<string> Requirements(string check) =>
        ComplianceMapping.PciDss401.RequirementsFor(SegmentationRules.RuleFor(check));
}
