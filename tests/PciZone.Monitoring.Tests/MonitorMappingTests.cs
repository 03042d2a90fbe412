using PciZone.Compliance;
using PciZone.Monitoring.Rules;
using PciZone.Monitoring.Tests.Support;

namespace PciZone.Monitoring.Tests;

/// <summary>
/// The monitor pack in the one requirement-ordered mapping file: every built-in monitor rule is mapped, with
/// exactly the requirement ids its rule.yaml states, and every PCZ-MON id the file names is a built-in rule.
/// </summary>
public sealed class MonitorMappingTests
{
    private static readonly IReadOnlyList<MonitorRuleInfo> Pack = LoadPack();

    private static IReadOnlyList<MonitorRuleInfo> LoadPack()
    {
        var placeholders = MonitorRules.LoadPlaceholders(
            Path.Combine(TestKit.RepoRoot, "src", "PciZone.Monitoring", "Rules", "test-placeholders.yaml"), out _);
        var set = MonitorRules.Load(true, [], placeholders);
        set.Errors.ShouldBeEmpty();
        return set.Rules;
    }

    public static TheoryData<string> RuleIds() => new(Pack.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void BuiltInRule_IsMappedWithTheRequirementsOfItsRuleYaml(string id)
    {
        var rule = Pack.Single(r => r.Id == id);
        var mapped = ComplianceMapping.PciDss401.RequirementsFor(id);

        mapped.ShouldNotBeEmpty($"map {id} in src/PciZone.Compliance/Frameworks/pci-dss-4.0.1.yaml");
        mapped.Order(StringComparer.Ordinal).ShouldBe(rule.Requirements.Order(StringComparer.Ordinal), $"{rule.Source} and the mapping file disagree");
    }

    [Fact]
    public void MappingFile_NamesOnlyBuiltInMonitorRules()
    {
        var ids = Pack.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        ComplianceMapping.PciDss401.Mappings.Select(m => m.RuleId)
            .Where(r => r.StartsWith("PCZ-MON-", StringComparison.Ordinal) && !ids.Contains(r))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Pack_CoversEveryAuditLogEventOf10_2_1AndControlFailures()
    {
        var covered = Pack.SelectMany(r => r.Requirements).ToHashSet(StringComparer.Ordinal);
        foreach (var id in new[] { "10.2.1.1", "10.2.1.2", "10.2.1.3", "10.2.1.4", "10.2.1.5", "10.2.1.6", "10.2.1.7", "10.2.2", "10.7.2" })
        {
            covered.ShouldContain(id);
        }

        Pack.Count.ShouldBeGreaterThanOrEqualTo(40);
    }
}
