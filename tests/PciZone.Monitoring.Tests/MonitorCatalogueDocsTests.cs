using PciZone.Compliance;
using PciZone.Monitoring.Rules;
using PciZone.Monitoring.Tests.Support;

namespace PciZone.Monitoring.Tests;

/// <summary>docs/monitor-catalogue.md is generated from rule metadata; PCIZONE_UPDATE_DOCS=1 rewrites it.</summary>
public sealed class MonitorCatalogueDocsTests
{
    [Fact]
    public void Catalogue_IsCurrent()
    {
        var placeholders = MonitorRules.LoadPlaceholders(Path.Combine(TestKit.RepoRoot, "src", "PciZone.Monitoring", "Rules", "test-placeholders.yaml"), out _);
        var set = MonitorRules.Load(true, [], placeholders);
        var text = MonitorRuleDocs.Render(set.Rules, MonitorRules.Load(true, []).Inactive, RequirementCatalogue.PciDss401);
        var path = Path.Combine(TestKit.RepoRoot, "docs", "monitor-catalogue.md");
        if (Environment.GetEnvironmentVariable("PCIZONE_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text);
        }

        File.Exists(path).ShouldBeTrue("run with PCIZONE_UPDATE_DOCS=1 to generate docs/monitor-catalogue.md");
        File.ReadAllText(path).ShouldBe(text, "docs/monitor-catalogue.md is stale: run PCIZONE_UPDATE_DOCS=1 dotnet test tests/PciZone.Monitoring.Tests");
        foreach (var rule in set.Rules)
        {
            text.ShouldContain($"## {rule.Id}");
        }
    }
}
