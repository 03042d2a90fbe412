using System.Globalization;
using PciZone.Compliance;

namespace PciZone.Reporting;

/// <summary>
/// RFC 4180 CSV, one row per finding including passes, CRLF line ends. Fields with a comma, quote,
/// CR or LF are quoted and their quotes doubled; nothing else is altered, so the file round-trips.
/// </summary>
internal sealed class CsvReportWriter : IReportWriter
{
    public const string Header =
        "rule_id,status,severity,requirements,resource_address,resource_type,file,line,message,title,suppression_reason";

    private const string LineEnd = "\r\n";

    public string Name => "csv";

    public void Write(ScanReport report, TextWriter output)
    {
        output.Write(Header);
        output.Write(LineEnd);
        foreach (var f in report.Findings)
        {
            Field(output, f.RuleId);
            output.Write(',');
            output.Write(Wording.Status(f.Status));
            output.Write(',');
            output.Write(Wording.Severity(f.Severity));
            output.Write(',');
            Field(output, string.Join(';', f.Requirements));
            output.Write(',');
            Field(output, f.ResourceAddress);
            output.Write(',');
            Field(output, f.ResourceType);
            output.Write(',');
            Field(output, f.File);
            output.Write(',');
            output.Write(f.Line.ToString(CultureInfo.InvariantCulture));
            output.Write(',');
            Field(output, f.Message);
            output.Write(',');
            Field(output, f.Rule.Title);
            output.Write(',');
            Field(output, f.Status == FindingStatus.Suppressed ? f.SuppressionReason ?? "" : "");
            output.Write(LineEnd);
        }

        output.Flush();
    }

    /// <summary>Writes one field, quoted only when RFC 4180 requires it.</summary>
    internal static void Field(TextWriter output, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            output.Write(value);
            return;
        }

        output.Write('"');
        output.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        output.Write('"');
    }
}
