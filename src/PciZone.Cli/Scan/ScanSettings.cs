using PciZone.Cli.Config;
using PciZone.Compliance;
using PciZone.Reporting;
using PciZone.Rules;

namespace PciZone.Cli.Scan;

/// <summary>One requested output: a writer and a file, or stdout when <see cref="File"/> is null.</summary>
internal sealed record FormatTarget(IReportWriter Writer, string? File);

/// <summary>What the scan command got on its command line, before config and environment apply.</summary>
internal sealed record ScanFlags(
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Formats,
    string? FailOn,
    bool FailOnUnknown,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> SkipRules,
    string? Requirement,
    string? ConfigPath,
    bool Verbose)
{
    /// <summary>Ignore <c>pcizone:ignore</c> comments and Metadata in the sources (for auditors).</summary>
    public bool NoInlineSuppressions { get; init; }

    /// <summary>A previous JSON report: failures already in it are reported as suppressed, fixed ones are listed.</summary>
    public string? Baseline { get; init; }
}

/// <summary>
/// The effective settings of a scan. Precedence per setting: flag, then PCIZONE_* environment
/// variable, then the config file, then the default.
/// </summary>
internal sealed record ScanSettings(
    IReadOnlyList<FormatTarget> Targets,
    Severity? Gate,
    bool FailOnUnknown,
    RuleSelection Selection,
    string? ConfigPath)
{
    /// <summary>Default gate: high and critical failures fail the build.</summary>
    public const string DefaultFailOn = "high";

    /// <summary>Default output: the table on stdout.</summary>
    public const string DefaultFormat = "table";

    /// <summary>Resolves flags, environment and config into settings; throws <see cref="UsageException"/> on any invalid value.</summary>
    public static ScanSettings Resolve(ScanFlags flags, Func<string, string?> env, ConfigFile? config)
    {
        var cfgName = config?.Path ?? "";
        var envFailOn = NonEmpty(env("PCIZONE_FAIL_ON"));
        var envFormat = NonEmpty(env("PCIZONE_FORMAT"));

        var (failOnText, failOnSource) =
            flags.FailOn is not null ? (flags.FailOn, "--fail-on")
            : envFailOn is not null ? (envFailOn, "PCIZONE_FAIL_ON")
            : config?.FailOn is not null ? (config.FailOn, $"{cfgName}: failOn")
            : (DefaultFailOn, "default");
        var gate = ParseGate(failOnText, failOnSource);

        var (formatSpecs, formatSource) =
            flags.Formats.Count > 0 ? (flags.Formats, "--format")
            : envFormat is not null ? (envFormat.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), "PCIZONE_FORMAT")
            : config?.Formats is { Count: > 0 } f ? (f, $"{cfgName}: formats")
            : ((IReadOnlyList<string>)[DefaultFormat], "default");
        var targets = ParseTargets(formatSpecs, formatSource);

        var only = flags.Rules.Count > 0 ? flags.Rules : config?.Only ?? [];
        var skip = flags.SkipRules.Count > 0 ? flags.SkipRules : config?.Skip ?? [];
        CheckRuleIds(only, flags.Rules.Count > 0 ? "--rule" : $"{cfgName}: rules.only");
        CheckRuleIds(skip, flags.SkipRules.Count > 0 ? "--skip-rule" : $"{cfgName}: rules.skip");

        var requirement = NonEmpty(flags.Requirement) ?? NonEmpty(config?.Requirement);
        if (requirement is not null && !RequirementCatalogue.PciDss401.Contains(requirement))
        {
            var source = flags.Requirement is not null ? "--requirement" : $"{cfgName}: requirement";
            throw new UsageException($"{source}: '{requirement}' is not a PCI DSS v4.0.1 requirement id (for example 3.5.1 or 10)");
        }

        return new ScanSettings(targets, gate, flags.FailOnUnknown, new RuleSelection(only, skip, requirement), config?.Path);
    }

    /// <summary>Parses a gate: a severity name, or <c>none</c> for no gate.</summary>
    public static Severity? ParseGate(string text, string source)
    {
        if (string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Wire.TryParse<Severity>(text, out var severity)
            ? severity
            : throw new UsageException($"{source}: '{text}' is not one of info, low, medium, high, critical, none");
    }

    private static List<FormatTarget> ParseTargets(IReadOnlyList<string> specs, string source)
    {
        var targets = new List<FormatTarget>();
        foreach (var spec in specs)
        {
            var eq = spec.IndexOf('=', StringComparison.Ordinal);
            var name = (eq < 0 ? spec : spec[..eq]).Trim();
            var file = eq < 0 ? null : spec[(eq + 1)..].Trim();
            if (file is { Length: 0 })
            {
                throw new UsageException($"{source}: '{spec}' has '=' but no file name");
            }

            var writer = ReportWriters.Find(name)
                         ?? throw new UsageException($"{source}: unknown format '{name}' (known: {string.Join(", ", ReportWriters.All.Select(w => w.Name))})");
            targets.Add(new FormatTarget(writer, file));
        }

        if (targets.Count(t => t.File is null) > 1)
        {
            throw new UsageException($"{source}: at most one format may go to stdout; give the others a file (NAME=FILE)");
        }

        var duplicate = targets.Where(t => t.File is not null)
            .GroupBy(t => Path.GetFullPath(t.File!), StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UsageException($"{source}: two formats write to the same file {duplicate.First().File}");
        }

        return targets;
    }

    private static void CheckRuleIds(IEnumerable<string> ids, string source)
    {
        foreach (var id in ids)
        {
            var known = RulePack.BuiltIn.Rules.Any(r =>
                string.Equals(r.Descriptor.Id, id, StringComparison.OrdinalIgnoreCase)
                || string.Equals(r.Descriptor.Slug, id, StringComparison.OrdinalIgnoreCase));
            if (!known)
            {
                throw new UsageException($"{source}: unknown rule '{id}' (see 'pcizone rules list')");
            }
        }
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
