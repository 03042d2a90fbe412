using PciZone.Compliance;

namespace PciZone.Rules.Tests.Meta;

/// <summary>docs/rules is generated from rule metadata; set PCIZONE_UPDATE_DOCS=1 to rewrite it.</summary>
public sealed class GeneratedDocsTests
{
    [Fact]
    public void RuleDocs_AreCurrent()
    {
        var dir = Path.Combine(RepoPaths.Root, "docs", "rules");
        var generated = RuleDocs.Generate(RulePack.BuiltIn, ComplianceMapping.PciDss401, RequirementCatalogue.PciDss401);
        if (Environment.GetEnvironmentVariable("PCIZONE_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(dir);
            foreach (var stale in Directory.GetFiles(dir, "*.md"))
            {
                File.Delete(stale);
            }

            foreach (var (name, text) in generated)
            {
                File.WriteAllText(Path.Combine(dir, name), text);
            }
        }

        var onDisk = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList() : [];
        onDisk.ShouldBe(generated.Keys.ToList<string?>(), "docs/rules is stale: run PCIZONE_UPDATE_DOCS=1 dotnet test --filter GeneratedDocsTests");
        foreach (var (name, text) in generated)
        {
            File.ReadAllText(Path.Combine(dir, name)).ShouldBe(text, $"docs/rules/{name} is stale: run PCIZONE_UPDATE_DOCS=1 dotnet test --filter GeneratedDocsTests");
        }
    }
}
