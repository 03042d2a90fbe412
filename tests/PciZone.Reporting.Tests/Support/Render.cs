using System.Text;

namespace PciZone.Reporting.Tests;

/// <summary>Runs a writer by format name into a string.</summary>
internal static class Render
{
    public static string As(string format, ScanReport report)
    {
        var writer = ReportWriters.Find(format) ?? throw new InvalidOperationException($"no writer {format}");
        var sb = new StringBuilder();
        using (var text = new StringWriter(sb))
        {
            writer.Write(report, text);
        }

        return sb.ToString();
    }
}
