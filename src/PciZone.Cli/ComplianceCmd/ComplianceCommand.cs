using System.CommandLine;
using PciZone.Cli.Config;
using PciZone.Cli.Scan;
using PciZone.Compliance;
using PciZone.Reporting.Matrix;
using PciZone.Rules;
using PciZone.Rules.Suppressions;

namespace PciZone.Cli.ComplianceCmd;

/// <summary>
/// <c>pcizone compliance matrix</c>: every requirement of the catalogue, its automation class, the rules
/// behind it and, given a scan (PATHs to scan now, or --report of an earlier JSON report), its status.
/// </summary>
internal static class ComplianceCommand
{
    public static Command Build(CliHost host)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Inputs to scan for the status column (as for 'pcizone scan'). Optional.", Arity = ArgumentArity.ZeroOrMore };
        var report = new Option<string>("--report") { Description = "Take the status from this JSON scan report instead of scanning.", HelpName = "FILE" };
        var framework = new Option<string>("--framework") { Description = "The framework. [default: pci-dss-4.0.1]", HelpName = "NAME" };
        var format = new Option<string>("--format", "-f") { Description = $"{string.Join(", ", MatrixWriter.Formats)}. [default: table]", HelpName = "FORMAT" };
        var config = new Option<string>("--config") { Description = $"Config file (attestations, exceptions) instead of the {ConfigFile.FileName} found from the first PATH or the current folder upward.", HelpName = "FILE" };
        var matrix = new Command("matrix", "Every PCI DSS requirement with its automation class, rules and status (passed, failed, unknown, not evaluated, attested).")
        {
            paths, report, framework, format, config,
        };
        matrix.SetAction(parse => Run(host, parse.GetValue(paths) ?? [], parse.GetValue(report), parse.GetValue(framework) ?? "pci-dss-4.0.1",
            parse.GetValue(format) ?? "table", parse.GetValue(config)));
        return new Command("compliance", "Requirement-by-requirement views for an assessment.") { matrix };
    }

    private static int Run(CliHost host, string[] paths, string? report, string framework, string format, string? configPath)
    {
        if (framework != "pci-dss-4.0.1")
        {
            throw new UsageException($"--framework: '{framework}' is not supported (pci-dss-4.0.1)");
        }

        if (!MatrixWriter.Formats.Contains(format))
        {
            throw new UsageException($"--format: '{format}' is not one of {string.Join(", ", MatrixWriter.Formats)}");
        }

        if (report is not null && paths.Length > 0)
        {
            throw new UsageException("give PATHs to scan or --report, not both");
        }

        var config = ConfigFile.Discover(configPath, paths.Length > 0 ? paths : [Directory.GetCurrentDirectory()]);
        IEnumerable<(string, FindingStatus)>? findings = null;
        var code = ExitCodes.Ok;
        if (report is not null)
        {
            findings = BaselineReport.Read(report, "--report").Select(f => (f.Rule, f.Status)).ToList();
        }
        else if (paths.Length > 0)
        {
            var (load, _, suppressed) = ScanRunner.Evaluate(paths, RuleSelection.All, config, inline: true, host);
            findings = suppressed.Findings.Select(f => (f.RuleId, f.Status)).ToList();
            foreach (var error in load.Errors)
            {
                host.Log($"error: {error}");
            }

            code = load.Errors.Count > 0 ? ExitCodes.InputError : ExitCodes.Ok;
        }

        var rows = ComplianceMatrix.Build(RequirementCatalogue.PciDss401, ComplianceMapping.PciDss401, findings, config?.Attestations ?? []);
        MatrixWriter.Write(format, rows, findings is not null, host.Out);
        host.Out.Flush();
        return code;
    }
}
