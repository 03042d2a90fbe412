namespace PciZone.Reporting;

/// <summary>The built-in report formats.</summary>
public static class ReportWriters
{
    /// <summary>Every format, in the order the CLI lists them.</summary>
    public static IReadOnlyList<IReportWriter> All { get; } =
    [
        new TableReportWriter(),
        new JsonReportWriter(),
        new SarifReportWriter(),
        new JUnitReportWriter(),
        new CsvReportWriter(),
    ];

    /// <summary>The format with this name (case-insensitive), or null.</summary>
    public static IReportWriter? Find(string name) =>
        All.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));
}
