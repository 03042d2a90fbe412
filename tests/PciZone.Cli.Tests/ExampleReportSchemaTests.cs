using PciZone.Cli.Tests.Support;
using PciZone.Reporting.Tests;

namespace PciZone.Cli.Tests;

/// <summary>What `pcizone scan` writes for the bundled example validates against the published schemas.</summary>
public sealed class ExampleReportSchemaTests
{
    private static readonly string Example = Path.Combine(Pcizone.RepoRoot, "examples", "payment-gateway");

    [Fact]
    public void ExampleScan_SarifAndJson_ValidateAgainstTheirSchemas()
    {
        var dir = Directory.CreateTempSubdirectory("pcizone-schema-").FullName;
        try
        {
            var sarif = Path.Combine(dir, "scan.sarif");
            var json = Path.Combine(dir, "scan.json");
            var result = Pcizone.Run("scan", Example, "--format", $"sarif={sarif}", "--format", $"json={json}", "--fail-on", "none");

            result.ExitCode.ShouldBe(0, result.Error);
            var sarifText = File.ReadAllText(sarif);
            sarifText.ShouldContain("\"ruleId\": \"PCZ-S3-002\"");
            sarifText.ShouldContain("\"startLine\"");
            Schemas.Errors(Schemas.Sarif, sarifText).ShouldBeEmpty();
            Schemas.Errors(Schemas.Report, File.ReadAllText(json)).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
