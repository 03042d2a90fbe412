using System.Text;
using PciZone.Cli.Config;
using PciZone.Compliance;
using PciZone.Ingest;
using PciZone.Reporting;
using PciZone.Rules;
using PciZone.Rules.Suppressions;

namespace PciZone.Cli.Scan;

/// <summary>Runs a scan: settings, inputs, rules, reports, exit code.</summary>
internal static class ScanRunner
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static int Run(ScanFlags flags, CliHost host)
    {
        var config = ConfigFile.Discover(flags.ConfigPath, flags.Paths);
        var settings = ScanSettings.Resolve(flags, host.Environment, config);
        if (settings.ConfigPath is not null && flags.Verbose)
        {
            host.Log($"using config {settings.ConfigPath}");
        }

        var baseline = flags.Baseline is { } baselinePath ? BaselineReport.Load(baselinePath) : null;
        var (load, rules, suppression) = Evaluate(flags.Paths, settings.Selection, config, inline: !flags.NoInlineSuppressions, host);
        var findings = baseline is null ? suppression.Findings : baseline.Apply(suppression.Findings);
        var report = new ScanReport(
            CliApp.Version,
            findings,
            rules,
            load.Inputs.Select(i => new ScannedInput(i.Path, FormatName(i.Format), i.ResourceCount)).ToList(),
            load.Skipped.Select(s => new SkippedInput(s.Path, s.Reason)).ToList(),
            load.Errors.Select(e => new ReportError(e.File, e.Line, e.Message)).ToList(),
            RequirementCatalogue.PciDss401)
        {
            RuleRequirements = rules.ToDictionary(r => r.Id, r => ComplianceMapping.PciDss401.RequirementsFor(r.Id), StringComparer.Ordinal),

            // Readers report paths relative to the working directory, so that is the root SARIF viewers resolve them against.
            SourceRoot = Directory.GetCurrentDirectory(),
        };

        var writeFailed = false;
        foreach (var target in settings.Targets)
        {
            writeFailed |= !Write(target, report, host);
        }

        foreach (var error in load.Errors)
        {
            host.Log($"error: {error}");
        }

        foreach (var warning in suppression.Warnings)
        {
            host.Log($"warning: {warning}");
        }

        if (baseline is not null)
        {
            foreach (var fixedFinding in baseline.Fixed(findings))
            {
                host.Log($"fixed since baseline: {fixedFinding}");
            }
        }

        foreach (var skipped in load.Skipped)
        {
            host.Log($"skipped: {skipped.Path}: {skipped.Reason}");
        }

        if (flags.Verbose)
        {
            foreach (var note in load.Notes)
            {
                host.Log($"note: {note.File}: {note.Address}: {note.Message}");
            }
        }

        var atGate = findings.Count(f => CountsAgainstGate(f, settings));
        host.Log(Summary(load, findings, settings.Gate, atGate));
        if (writeFailed)
        {
            return ExitCodes.Usage;
        }

        return load.Errors.Count > 0 ? ExitCodes.InputError
            : atGate > 0 ? ExitCodes.FindingsAtGate
            : ExitCodes.Ok;
    }

    /// <summary>Loads the inputs, runs the selected rules and applies the config's exceptions and (when asked) inline suppressions.</summary>
    internal static (LoadResult Load, List<RuleDescriptor> Rules, SuppressionResult Findings) Evaluate(
        IReadOnlyList<string> paths, RuleSelection selection, ConfigFile? config, bool inline, CliHost host)
    {
        var load = InputLoading.Load(paths);
        var engine = new RuleEngine(RulePack.BuiltIn, ComplianceMapping.PciDss401, host.Time)
        {
            Scope = config?.Scope?.Options ?? PciZone.Scope.ScopeOptions.Default,
        };
        var suppression = Suppressor.Apply(engine.Run(load.Estate, selection), load.Estate, config?.Exceptions ?? [], inline,
            DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime));
        return (load, engine.Select(selection).Select(r => r.Descriptor).ToList(), suppression);
    }

    /// <summary>Failures (and, on request, unknowns) at or above the gate. Unknown is never a pass.</summary>
    internal static bool CountsAgainstGate(Finding f, ScanSettings settings) =>
        settings.Gate is { } gate
        && f.Severity >= gate
        && (f.Status == FindingStatus.Fail || (settings.FailOnUnknown && f.Status == FindingStatus.Unknown));

    private static bool Write(FormatTarget target, ScanReport report, CliHost host)
    {
        if (target.File is null)
        {
            target.Writer.Write(report, host.Out);
            host.Out.Flush();
            return true;
        }

        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(target.File));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }

            using var writer = new StreamWriter(target.File, append: false, Utf8NoBom);
            target.Writer.Write(report, writer);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            host.Log($"error: cannot write {target.Writer.Name} report to {target.File}: {ex.Message}");
            return false;
        }
    }

    private static string Summary(LoadResult load, IReadOnlyList<Finding> findings, Severity? gate, int atGate)
    {
        int Count(FindingStatus s) => findings.Count(f => f.Status == s);
        var gateText = gate is { } g ? $"{atGate} at or above {Wire.Name(g)}" : "no gate";
        var errors = load.Errors.Count > 0 ? $"; {load.Errors.Count} input error(s)" : "";
        return $"scanned {load.Inputs.Count} input(s), {load.Estate.Resources.Count} resource(s): "
               + $"{Count(FindingStatus.Fail)} failed ({gateText}), {Count(FindingStatus.Unknown)} unknown, "
               + $"{Count(FindingStatus.Pass)} passed{errors}";
    }

    private static string FormatName(InputFormat format) => format switch
    {
        InputFormat.TerraformPlan => "terraform-plan",
        InputFormat.CloudFormation => "cloudformation",
        _ => format.ToString().ToLowerInvariant(),
    };
}
