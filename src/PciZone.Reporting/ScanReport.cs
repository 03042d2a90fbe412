using PciZone.Compliance;

namespace PciZone.Reporting;

/// <summary>An input that was read: path, format name (<c>terraform-plan</c>, <c>cloudformation</c>) and resource count.</summary>
public sealed record ScannedInput(string Path, string Format, int Resources);

/// <summary>A file that was found but is neither a plan nor a template.</summary>
public sealed record SkippedInput(string Path, string Reason);

/// <summary>An input that could not be read (fully or in part), with file and line.</summary>
public sealed record ReportError(string File, int Line, string Message);

/// <summary>Everything one scan produced; the writers' only input. Findings are sorted by rule id then address.</summary>
public sealed record ScanReport(
    string ToolVersion,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<RuleDescriptor> Rules,
    IReadOnlyList<ScannedInput> Inputs,
    IReadOnlyList<SkippedInput> Skipped,
    IReadOnlyList<ReportError> Errors,
    RequirementCatalogue Catalogue)
{
    /// <summary>
    /// Requirement ids per rule id, in catalogue order, for the rules that ran (the engine's mapping).
    /// Writers need it for rules without findings; when a rule is missing here, its requirements are
    /// taken from its first finding.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RuleRequirements { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>
    /// Absolute directory that relative finding paths are relative to, when known. SARIF writes it as
    /// the <c>%SRCROOT%</c> base; it never appears in other formats so reports stay machine-independent.
    /// </summary>
    public string? SourceRoot { get; init; }
}

/// <summary>A report format.</summary>
public interface IReportWriter
{
    /// <summary>Format name used on the command line (<c>table</c>, <c>json</c>, <c>sarif</c>, <c>junit</c>, <c>csv</c>).</summary>
    string Name { get; }

    /// <summary>Writes the report. Output is deterministic: the same report gives the same bytes.</summary>
    void Write(ScanReport report, TextWriter output);
}
