using PciZone.Compliance;

namespace PciZone.Estate.Tests;

/// <summary>The embedded PCI DSS catalogue and mapping (kept beside the estate tests: both are pure data models).</summary>
public sealed class CatalogueTests
{
    [Fact]
    public void EmbeddedCatalogue_MatchesTheSharedCopy()
    {
        var root = typeof(CatalogueTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        var shared = Path.Combine(root, "..", "shared", "data", "pci-dss-4.0.1-requirements.json");
        var embedded = Path.Combine(root, "src", "PciZone.Compliance", "Catalogue", "pci-dss-4.0.1-requirements.json");
        File.ReadAllText(embedded).ShouldBe(File.ReadAllText(shared), "the product's copy of the catalogue is out of step with ../shared");
    }

    [Fact]
    public void Catalogue_HasEveryTopLevelRequirementAndParentsExist()
    {
        var c = RequirementCatalogue.PciDss401;
        Enumerable.Range(1, 12).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ShouldAllBe(id => c.Contains(id));
        c.Requirements.Where(r => r.Parent is not null).ShouldAllBe(r => c.Contains(r.Parent!));
    }

    [Fact]
    public void MappingParse_UnknownCoverage_IsAnErrorNamingTheRequirement()
    {
        const string yaml = "framework: x\nrequirements:\n  - id: \"1.2.1\"\n    rules:\n      - rule: PCZ-X-001\n        coverage: most\n        basis: because\n";
        var ex = Should.Throw<FormatException>(() => ComplianceMapping.Parse(new StringReader(yaml), RequirementCatalogue.PciDss401));
        ex.Message.ShouldContain("1.2.1");
    }
}
