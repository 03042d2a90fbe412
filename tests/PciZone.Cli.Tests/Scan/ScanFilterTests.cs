using PciZone.Cli.Tests.Support;
using PciZone.Compliance;

namespace PciZone.Cli.Tests.Scan;

public sealed class ScanFilterTests
{
    [Fact]
    public void Scan_RuleFlag_RunsOnlyThatRule()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", file, "--rule", Templates.Rule, "--format", "csv");

        var ruleIds = FindingRuleIds(result.Out);
        ruleIds.ShouldNotBeEmpty();
        ruleIds.ShouldAllBe(id => id == Templates.Rule);
    }

    [Fact]
    public void Scan_RuleBySlug_SameAsById()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var byId = Pcizone.Run("scan", file, "--rule", Templates.Rule, "--format", "csv");
        var bySlug = Pcizone.Run("scan", file, "--rule", "s3-bucket-public-access-blocked", "--format", "csv");

        bySlug.Out.ShouldBe(byId.Out);
    }

    [Fact]
    public void Scan_SkipRule_RemovesItsFindings()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);

        var result = Pcizone.Run("scan", file, "--skip-rule", Templates.Rule, "--format", "csv");

        FindingRuleIds(result.Out).ShouldNotContain(Templates.Rule);
    }

    [Fact]
    public void Scan_RequirementPrefix_KeepsOnlyMappedRules()
    {
        using var dir = new TempDir();
        var file = dir.Write("bucket.yaml", Templates.FailingBucket);
        var mapped = ComplianceMapping.PciDss401.RequirementsFor(Templates.Rule);
        mapped.ShouldNotBeEmpty();
        var top = mapped[0].Split('.')[0];
        var unrelated = RequirementCatalogue.PciDss401.Requirements
            .First(r => r.Parent is null && mapped.All(m => m.Split('.')[0] != r.Id)).Id;

        var included = Pcizone.Run("scan", file, "--requirement", top, "--format", "csv");
        var excluded = Pcizone.Run("scan", file, "--requirement", unrelated, "--format", "csv");

        FindingRuleIds(included.Out).ShouldContain(Templates.Rule);
        FindingRuleIds(excluded.Out).ShouldNotContain(Templates.Rule);
    }

    /// <summary>Rule ids that appear in CSV finding rows (any PCZ- token on a line).</summary>
    private static List<string> FindingRuleIds(string csv) =>
        csv.Split('\n')
            .SelectMany(line => line.Split(',', '"', ' '))
            .Where(token => token.StartsWith("PCZ-", StringComparison.Ordinal))
            .Distinct()
            .ToList();
}
