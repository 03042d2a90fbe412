using PciZone.LandingZone.Generation;
using PciZone.LandingZone.Guardrails;
using PciZone.LandingZone.Spec;

namespace PciZone.LandingZone.Tests.Generation;

/// <summary>The generator without Terraform: escaping, determinism, SCP packing and what each stage contains.</summary>
public sealed class GeneratorTests
{
    private static ZoneSpec Default(string? find = null, string? replace = null) =>
        SpecReader.Parse("zone.yaml", find is null ? DefaultSpec.Text : DefaultSpec.Text.Replace(find, replace, StringComparison.Ordinal));

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a \"quoted\" \\ value", "\"a \\\"quoted\\\" \\\\ value\"")]
    [InlineData("${var.x} and %{if}", "\"$${var.x} and %%{if}\"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    public void Quote_EscapesSoAValueNeverBecomesCode(string value, string expected) => Hcl.Quote(value).ShouldBe(expected);

    [Fact]
    public void Generate_SameSpecTwice_GivesTheSameBytes()
    {
        var first = ZoneGenerator.Generate(Default(), "1.0.0");
        var second = ZoneGenerator.Generate(Default(), "1.0.0");
        second.Files.ShouldBe(first.Files);
    }

    [Fact]
    public void Pack_DefaultSpec_FitsAwsLimitsAndCarriesEveryGuardrail()
    {
        var errors = new List<SpecError>();
        var policies = ScpPacker.Pack(Default(), errors);

        errors.ShouldBeEmpty();
        policies.ShouldAllBe(p => p.Characters <= ScpLimits.MaxPolicyCharacters && ScpPacker.Characters(p.Document) == p.Characters);
        policies.GroupBy(p => p.Target).ShouldAllBe(g => g.Count() <= ScpLimits.MaxPoliciesPerTarget - 1);
        policies.SelectMany(p => p.GuardrailIds).Distinct().Order().ShouldBe(GuardrailCatalogue.All.Select(g => g.Id).Order());
        policies.Single(p => p.GuardrailIds.Contains("deny-all-suspended")).Target.ShouldBe(Ous.Suspended);
    }

    [Fact]
    public void Pack_DisabledGuardrail_IsLeftOutAndListedInTheReadme()
    {
        var spec = Default("  disable: []", "  disable:\n    - id: require-imdsv2\n      reason: legacy fleet until 2027-03");
        var policies = ScpPacker.Pack(spec, new List<SpecError>());
        policies.SelectMany(p => p.GuardrailIds).ShouldNotContain("require-imdsv2");

        var readme = ZoneGenerator.Generate(spec, "1.0.0").Files.Single(f => f.Path == "README.md").Text;
        readme.ShouldContain("`require-imdsv2`: legacy fleet until 2027-03");
    }

    [Fact]
    public void Pack_EveryRegionAllowed_StillFitsTheLimits()
    {
        var regions = string.Concat(AwsRegions.All.Order().Select(r => $"\n    - {r}"));
        var spec = Default("  allowedRegions:                # the restrict-regions SCP denies every other region (global services excepted)\n    - eu-west-1", $"  allowedRegions:{regions}");
        var errors = new List<SpecError>();
        var policies = ScpPacker.Pack(spec, errors);

        // Every region still fits: the packer spreads guardrails over more policies instead.
        errors.ShouldBeEmpty();
        policies.ShouldAllBe(p => p.Characters <= ScpLimits.MaxPolicyCharacters);
    }

    [Fact]
    public void Generate_CdeVpc_RoutesOnlyToSharedServicesAndGetsAnEdge()
    {
        var files = ZoneGenerator.Generate(Default(), "1.0.0").Files.ToDictionary(f => f.Path, f => f.Text);
        var cde = files["stages/06-account-cde-prod/main.tf"];

        cde.ShouldContain("tgw_destination_cidrs = [\"10.20.0.0/16\"]");
        cde.ShouldContain("is_cde             = true");
        cde.ShouldContain("module \"edge_eu_west_1\"");
        files["stages/06-account-dev-test/main.tf"].ShouldNotContain("module \"edge_");
        files["stages/06-account-shared-services/main.tf"].ShouldContain("is_shared_services = true");
        files.Keys.ShouldNotContain(k => k.EndsWith("override.tf", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_Edge_BacksUpItsLogBucketsWithTheAccountsBackupKey()
    {
        var cde = ZoneGenerator.Generate(Default(), "1.0.0").Files.Single(f => f.Path == "stages/06-account-cde-prod/main.tf").Text;

        cde.ShouldMatch(@"backup_logs\s+= true");
        cde.ShouldMatch(@"backup_kms_key_arn\s+= module\.kms_eu_west_1\.key_arns\[""backups""\]");
        cde.ShouldContain("via_services       = [\"backup.eu-west-1.amazonaws.com\"]");
    }

    [Fact]
    public void Generate_EveryStageReadsOnlyStagesBeforeIt()
    {
        var zone = ZoneGenerator.Generate(Default(), "1.0.0");
        foreach (var (path, text) in zone.Files.Where(f => f.Path.EndsWith("/remote_state.tf", StringComparison.Ordinal)))
        {
            var stage = path.Split('/')[1];
            foreach (var key in StageFiles.Readable.Where(r => text.Contains($"\"{r.Key}\"", StringComparison.Ordinal)))
            {
                string.CompareOrdinal(key.Value, stage).ShouldBeLessThan(0, $"{stage} reads {key.Value}");
            }
        }
    }
}
