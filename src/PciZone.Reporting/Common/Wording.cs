using System.Globalization;
using System.Text;
using PciZone.Compliance;

namespace PciZone.Reporting;

/// <summary>Names and numbers shared by the writers so every format says the same thing.</summary>
internal static class Wording
{
    public const string ToolName = "PciZone";

    public const string InformationUri = "https://pcizone.dev";

    /// <summary>Framework tag prefix; the catalogue is PCI DSS v4.0.1 (see <see cref="RequirementCatalogue.PciDss401"/>).</summary>
    public const string FrameworkTag = "PCI-DSS-4.0.1";

    public static string Status(FindingStatus status) => status switch
    {
        FindingStatus.Pass => "pass",
        FindingStatus.Fail => "fail",
        FindingStatus.Unknown => "unknown",
        _ => "suppressed",
    };

    public static string Severity(Severity severity) => severity switch
    {
        Compliance.Severity.Critical => "critical",
        Compliance.Severity.High => "high",
        Compliance.Severity.Medium => "medium",
        Compliance.Severity.Low => "low",
        _ => "info",
    };

    /// <summary>GitHub code scanning ranks security alerts by this CVSS-like score (string in SARIF).</summary>
    public static string SecuritySeverity(Severity severity) => severity switch
    {
        Compliance.Severity.Critical => "9.5",
        Compliance.Severity.High => "8.0",
        Compliance.Severity.Medium => "5.5",
        Compliance.Severity.Low => "3.0",
        _ => "1.0",
    };

    /// <summary>SARIF level of a failure of this severity.</summary>
    public static string SarifLevel(Severity severity) => severity switch
    {
        Compliance.Severity.Critical or Compliance.Severity.High => "error",
        Compliance.Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary><c>s3-bucket-public-access-blocked</c> to <c>S3BucketPublicAccessBlocked</c>.</summary>
    public static string PascalCase(string slug)
    {
        var sb = new StringBuilder(slug.Length);
        foreach (var part in slug.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return sb.ToString();
    }

    public static string Location(string file, int line) =>
        line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line}") : file;
}
