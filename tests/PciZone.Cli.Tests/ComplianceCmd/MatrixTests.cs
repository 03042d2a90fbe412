using System.Text.Json.Nodes;
using PciZone.Cli.Tests.Support;
using PciZone.Compliance;
using PciZone.Reporting.Matrix;

namespace PciZone.Cli.Tests.ComplianceCmd;

/// <summary>The compliance matrix: every requirement, honest statuses, attestations, and its generated docs page.</summary>
public sealed class MatrixTests
{
    private static readonly string Example = Path.Combine(Pcizone.RepoRoot, "examples", "payment-gateway");

    [Fact]
    public void Matrix_WithoutScan_ListsEveryRequirementAndPassesNone()
    {
        var result = Pcizone.Run("compliance", "matrix", "--format", "json", "--config", EmptyConfig());
        var rows = JsonNode.Parse(result.Out)!["requirements"]!.AsArray();

        rows.Count.ShouldBe(RequirementCatalogue.PciDss401.Requirements.Count);
        rows.ShouldAllBe(r => (string?)r!["status"] == "not evaluated");
    }

    [Fact]
    public void Matrix_OfTheExample_FailsWhatFailsAndNeverCallsUnevaluatedPassed()
    {
        var result = Pcizone.Run("compliance", "matrix", Example, "--format", "json");
        var rows = JsonNode.Parse(result.Out)!["requirements"]!.AsArray().Select(r => r!).ToList();

        Status(rows, "10.5.1").ShouldBe("failed");
        rows.Where(r => (string?)r["status"] == "passed").ShouldAllBe(r => (int)r["counts"]!["pass"]! > 0 && (int)r["counts"]!["fail"]! == 0);
        rows.Where(r => ((JsonArray)r["rules"]!).Count == 0).ShouldAllBe(r => (string?)r["status"] == "not evaluated");
    }

    [Fact]
    public void Matrix_FromReport_EqualsMatrixFromScan()
    {
        using var temp = new TempDir();
        Pcizone.Run("scan", Example, "--format", $"json={temp.PathOf("r.json")}", "--fail-on", "none");
        var fromReport = Pcizone.Run("compliance", "matrix", "--report", temp.PathOf("r.json"), "--format", "csv", "--config", EmptyConfig()).Out;
        var fromScan = Pcizone.Run("compliance", "matrix", Example, "--format", "csv").Out;
        fromReport.ShouldBe(fromScan);
    }

    [Fact]
    public void Attestation_ShowsAsAttested_ButAFailureWins()
    {
        using var temp = new TempDir();
        var config = temp.Write(".pcizone.yaml", """
            attestations:
              - requirement: "12.8.1"
                by: qsa-liaison@example.com
                date: 2026-11-01
                evidence: https://wiki.example.com/tpsp-register
              - requirement: "10.5.1"
                by: ops@example.com
                date: 2026-11-01
                evidence: https://wiki.example.com/log-retention
            """);
        var rows = JsonNode.Parse(Pcizone.Run("compliance", "matrix", Example, "--format", "json", "--config", config).Out)!["requirements"]!
            .AsArray().Select(r => r!).ToList();

        Status(rows, "12.8.1").ShouldBe("attested");
        ((string?)rows.Single(r => (string?)r["id"] == "12.8.1")["attestation"]!["evidence"]).ShouldBe("https://wiki.example.com/tpsp-register");
        Status(rows, "10.5.1").ShouldBe("failed");
    }

    [Fact]
    public void Attestation_OfUnknownRequirement_IsAConfigError()
    {
        using var temp = new TempDir();
        var config = temp.Write(".pcizone.yaml", "attestations:\n  - requirement: \"99.9\"\n    by: x\n    date: 2026-01-01\n    evidence: y\n");
        var result = Pcizone.Run("compliance", "matrix", "--config", config);
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("'99.9' is not a PCI DSS v4.0.1 requirement id");
    }

    [Fact]
    public void GeneratedMatrixPage_IsCurrent()
    {
        var path = Path.Combine(Pcizone.RepoRoot, "docs", "compliance", "pci-dss-4.0.1.md");
        using var writer = new StringWriter();
        MatrixWriter.Write("markdown", ComplianceMatrix.Build(RequirementCatalogue.PciDss401, ComplianceMapping.PciDss401, null, []), false, writer);
        var expected = writer.ToString().ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("PCIZONE_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        File.Exists(path).ShouldBeTrue("run the tests with PCIZONE_UPDATE_DOCS=1 to generate docs/compliance/pci-dss-4.0.1.md");
        File.ReadAllText(path).ReplaceLineEndings("\n").ShouldBe(expected, "docs/compliance/pci-dss-4.0.1.md is stale: run the tests with PCIZONE_UPDATE_DOCS=1");
    }

    private static string Status(List<JsonNode> rows, string id) => (string?)rows.Single(r => (string?)r["id"] == id)["status"] ?? "";

    private static string EmptyConfig()
    {
        var path = Path.Combine(Path.GetTempPath(), "pcizone-empty-config.yaml");
        File.WriteAllText(path, "");
        return path;
    }
}
