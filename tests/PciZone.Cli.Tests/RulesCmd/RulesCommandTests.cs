using System.Text.Json;
using PciZone.Cli.Tests.Support;
using PciZone.Compliance;
using PciZone.Rules;

namespace PciZone.Cli.Tests.RulesCmd;

public sealed class RulesCommandTests
{
    [Fact]
    public void RulesList_Plain_ListsEveryBuiltInRule()
    {
        var result = Pcizone.Run("rules", "list");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldStartWith("ID");
        foreach (var rule in RulePack.BuiltIn.Rules)
        {
            result.Out.ShouldContain(rule.Descriptor.Id);
        }

        result.Out.ShouldNotContain("\u001b[");
    }

    [Fact]
    public void RulesList_Json_HasIdSeverityAndRequirements()
    {
        var result = Pcizone.Run("rules", "list", "--format", "json");

        using var doc = JsonDocument.Parse(result.Out);
        var rows = doc.RootElement.EnumerateArray().ToList();
        rows.Count.ShouldBe(RulePack.BuiltIn.Rules.Count);
        var s3 = rows.Single(r => r.GetProperty("id").GetString() == Templates.Rule);
        s3.GetProperty("severity").GetString().ShouldBe("high");
        s3.GetProperty("requirements").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(ComplianceMapping.PciDss401.RequirementsFor(Templates.Rule));
    }

    [Fact]
    public void RulesList_ServiceFilter_OnlyThatService()
    {
        var result = Pcizone.Run("rules", "list", "--service", "s3", "--format", "json");

        using var doc = JsonDocument.Parse(result.Out);
        var services = doc.RootElement.EnumerateArray().Select(r => r.GetProperty("service").GetString()).ToList();
        services.ShouldNotBeEmpty();
        services.ShouldAllBe(s => s == "S3");
    }

    [Fact]
    public void RulesList_SeverityFilter_ThatSeverityOrHigher()
    {
        var result = Pcizone.Run("rules", "list", "--severity", "critical", "--format", "json");

        using var doc = JsonDocument.Parse(result.Out);
        doc.RootElement.EnumerateArray().Select(r => r.GetProperty("severity").GetString()).ShouldAllBe(s => s == "critical");
        result.Out.ShouldNotContain($"\"{Templates.Rule}\"");
    }

    [Fact]
    public void RulesList_RequirementFilter_OnlyMappedRules()
    {
        var requirement = ComplianceMapping.PciDss401.RequirementsFor(Templates.Rule)[0];

        var result = Pcizone.Run("rules", "list", "--requirement", requirement, "--format", "json");

        using var doc = JsonDocument.Parse(result.Out);
        var ids = doc.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        ids.ShouldContain(Templates.Rule);
        ids.ShouldAllBe(id => ComplianceMapping.PciDss401.RequirementsFor(id).Any(r => RuleEngine.RequirementMatches(r, requirement)));
    }

    [Theory]
    [InlineData("PCZ-S3-002")]
    [InlineData("pcz-s3-002")]
    [InlineData("s3-bucket-public-access-blocked")]
    public void RulesExplain_IdOrSlug_ShowsEverySection(string id)
    {
        var rule = RulePack.BuiltIn.Rules.Single(r => r.Descriptor.Id == Templates.Rule).Descriptor;
        var requirement = ComplianceMapping.PciDss401.RequirementsFor(rule.Id)[0];

        var result = Pcizone.Run("rules", "explain", id);

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain(rule.Title);
        result.Out.ShouldContain("Severity:  high");
        result.Out.ShouldContain(requirement);
        result.Out.ShouldContain(RequirementCatalogue.PciDss401.Find(requirement)!.Summary);
        result.Out.ShouldContain("aws_s3_bucket_public_access_block");
        result.Out.ShouldContain("PublicAccessBlockConfiguration");
        result.Out.ShouldContain(rule.References[0]);
    }

    [Fact]
    public void RulesExplain_UnknownRule_Exits2()
    {
        var result = Pcizone.Run("rules", "explain", "PCZ-NOPE-1");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("PCZ-NOPE-1");
    }
}
