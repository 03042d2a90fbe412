using System.Text.Json.Nodes;
using PciZone.Cli.Tests.Support;
using PciZone.LandingZone.Tests.Support;

namespace PciZone.LandingZone.Tests.Terraform;

/// <summary>
/// The issue's proof: for the default spec and two variants, the generated Terraform formats, validates
/// and plans offline in every stage, and PciZone's own rules find nothing failing in the plans.
/// </summary>
public sealed class ZoneProofTests
{
    [Theory]
    [InlineData("payment-gateway")]
    [InlineData("minimal")]
    [InlineData("multi-region")]
    public void GeneratedZone_FormatsValidatesPlansOfflineAndScansClean(string example)
    {
        using var temp = new TempDir();
        var zone = temp.PathOf("zone");
        var spec = Path.Combine(Support.Terraform.RepoRoot, "examples", "landing-zone", $"{example}.yaml");
        var generate = Pcizone.Run("landing-zone", "generate", "--spec", spec, "--out", zone);
        generate.ExitCode.ShouldBe(0, generate.Error);
        generate.Out.ShouldContain("PCI DSS v4.0.1 requirements met by construction");

        // The offline overrides are the test's business; the generator never ships one.
        Directory.EnumerateFiles(zone, "*override.tf*", SearchOption.AllDirectories).ShouldBeEmpty();
        Support.Terraform.Run(zone, "fmt", "-check", "-recursive", "-no-color").ShouldSucceed("terraform fmt -check -recursive");

        var plans = ZoneProof.PlanAll(zone, temp.PathOf("scratch"), validate: true);
        plans.Count.ShouldBe(Directory.GetDirectories(Path.Combine(zone, "stages")).Length);

        var report = temp.PathOf("scan.json");
        var scan = Pcizone.Run([.. new[] { "scan" }.Concat(plans.Values.Order(StringComparer.Ordinal)), "--format", $"json={report}", "--fail-on", "low"]);
        var findings = JsonNode.Parse(File.ReadAllText(report))!["findings"]!.AsArray();
        var failures = findings.Where(f => (string?)f!["status"] == "fail")
            .Select(f => $"{f!["ruleId"]} {f["resource"]?["address"]} ({f["location"]?["file"]}): {f["message"]}")
            .ToList();
        failures.ShouldBeEmpty($"the {example} zone must scan clean:\n{string.Join('\n', failures)}");
        scan.ExitCode.ShouldBe(0, scan.Error);
        findings.Count(f => (string?)f!["status"] == "pass").ShouldBeGreaterThan(20, "the scan must have judged the zone, not an empty estate");

        // Issue 5: the zone's segmentation holds. pcizone scope over every stage: no violation, and the
        // CDE account's systems are found and classified (its interface endpoints are CDE-tagged).
        var scope = Pcizone.Run([.. new[] { "scope" }.Concat(plans.Values.Order(StringComparer.Ordinal)), "--format", "json"]);
        scope.ExitCode.ShouldBe(0, $"the {example} zone must have no segmentation violation:\n{scope.Out}\n{scope.Error}");
        var evidence = JsonNode.Parse(scope.Out)!;
        evidence["violations"]!.AsArray().ShouldBeEmpty();
        evidence["systems"]!.AsArray().ShouldContain(s => (string?)s!["category"] == "cde", "the CDE account's systems must be found");
        TestContext.Current.SendDiagnosticMessage($"{example}: {plans.Count} stages planned; {generate.Out}");
    }
}
