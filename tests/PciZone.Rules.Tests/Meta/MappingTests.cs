using PciZone.Compliance;

namespace PciZone.Rules.Tests.Meta;

/// <summary>The PCI DSS mapping file: every rule mapped, every id real, requirement order kept.</summary>
public sealed class MappingTests
{
    private static readonly ComplianceMapping Mapping = ComplianceMapping.PciDss401;
    private static readonly RequirementCatalogue Catalogue = RequirementCatalogue.PciDss401;

    [Fact]
    public void EveryRule_IsMappedToAtLeastOneRequirement()
    {
        var unmapped = RulePack.BuiltIn.Rules.Where(r => Mapping.RequirementsFor(r.Descriptor.Id).Count == 0)
            .Select(r => r.Descriptor.Id).ToList();
        unmapped.ShouldBeEmpty("map these rules in src/PciZone.Compliance/Frameworks/pci-dss-4.0.1.yaml");
    }

    [Fact]
    public void EveryMappedRequirement_ExistsInTheCatalogue()
    {
        Mapping.Mappings.Where(m => !Catalogue.Contains(m.RequirementId)).Select(m => m.RequirementId).ShouldBeEmpty();
    }

    [Fact]
    public void EveryMappedRule_Exists()
    {
        // Monitor rules (PCZ-MON-*) share the file; tests/PciZone.Monitoring.Tests checks them against the monitor pack.
        var ids = RulePack.BuiltIn.Rules.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
        Mapping.Mappings.Where(m => !ids.Contains(m.RuleId) && !m.RuleId.StartsWith("PCZ-MON-", StringComparison.Ordinal))
            .Select(m => m.RuleId).ShouldBeEmpty();
    }

    [Fact]
    public void MappingFile_IsInCatalogueOrder_WithOneEntryPerRequirement()
    {
        var order = Mapping.Mappings.Select(m => m.RequirementId).Distinct().Select(id => Catalogue.Find(id)!.Order).ToList();
        order.ShouldBe(order.Order().ToList(), "requirements must appear in catalogue order");
        var runs = Mapping.Mappings.Select(m => m.RequirementId)
            .Where((id, i) => i == 0 || Mapping.Mappings[i - 1].RequirementId != id).ToList();
        runs.ShouldBeUnique("each requirement appears once in the file");
    }

    [Fact]
    public void EveryMapping_StatesItsBasis()
    {
        Mapping.Mappings.Where(m => m.Basis.Length < 10).Select(m => $"{m.RequirementId} {m.RuleId}").ShouldBeEmpty();
    }

    [Fact]
    public void RuleRequirements_AreReturnedInCatalogueOrder()
    {
        foreach (var rule in RulePack.BuiltIn.Rules)
        {
            var orders = Mapping.RequirementsFor(rule.Descriptor.Id).Select(id => Catalogue.Find(id)!.Order).ToList();
            orders.ShouldBe(orders.Order().ToList());
        }
    }
}
