using System.Text.Json;
using System.Xml.Linq;
using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests.Scan;

public sealed class ScanFormatTests
{
    [Fact]
    public void Scan_SeveralFormatsToFiles_WritesEveryFileAndTableToStdout()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);
        var json = dir.PathOf("out/report.json");
        var sarif = dir.PathOf("out/report.sarif");
        var junit = dir.PathOf("out/junit.xml");
        var csv = dir.PathOf("out/report.csv");

        var result = Pcizone.Run(
            "scan", file, "--rule", Templates.Rule,
            "--format", "table", "--format", $"json={json}", "--format", $"sarif={sarif}",
            "--format", $"junit={junit}", "--format", $"csv={csv}");

        result.ExitCode.ShouldBe(1, result.Error);
        result.Out.ShouldContain(Templates.FailingAddress);
        using (var doc = JsonDocument.Parse(File.ReadAllText(json)))
        {
            File.ReadAllText(json).ShouldContain(Templates.FailingAddress);
        }

        using (var doc = JsonDocument.Parse(File.ReadAllText(sarif)))
        {
            doc.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        }

        XDocument.Load(junit).Root.ShouldNotBeNull();
        File.ReadAllText(csv).ShouldContain(Templates.FailingAddress);
    }

    [Fact]
    public void Scan_OnlyFileFormats_WritesNothingToStdout()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);
        var json = dir.PathOf("report.json");

        var result = Pcizone.Run("scan", file, "--rule", Templates.Rule, "--format", $"json={json}");

        result.Out.ShouldBeEmpty();
        File.ReadAllText(json).ShouldContain(Templates.FailingAddress);
    }

    [Fact]
    public void Scan_JsonToStdout_IsValidJson()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", file, "--rule", Templates.Rule, "--format", "json");

        using var doc = JsonDocument.Parse(result.Out);
        result.Out.ShouldContain(Templates.FailingAddress);
    }

    [Fact]
    public void Scan_TwoStdoutFormats_Exits2()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", file, "--format", "json", "--format", "csv");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("stdout");
    }

    [Fact]
    public void Scan_TwoFormatsToSameFile_Exits2()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);
        var target = dir.PathOf("same.out");

        var result = Pcizone.Run("scan", file, "--format", $"json={target}", "--format", $"csv={target}");

        result.ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Scan_SameInputTwice_GivesIdenticalOutput()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var first = Pcizone.Run("scan", file, "--format", "csv");
        var second = Pcizone.Run("scan", file, "--format", "csv");

        second.Out.ShouldBe(first.Out);
    }
}
