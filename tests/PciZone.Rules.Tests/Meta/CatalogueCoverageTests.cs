using System.Text;
using System.Text.Json;

namespace PciZone.Rules.Tests.Meta;

/// <summary>
/// Which rows of the shared catalogue of automatable AWS checks (../shared/data/aws-pci-checks.json)
/// the pack covers: every rule's catalogue ids exist, and docs/compliance/aws-checks-coverage.md (the
/// to-do list of the rule pack) is current. PCIZONE_UPDATE_DOCS=1 rewrites it.
/// </summary>
public sealed class CatalogueCoverageTests
{
    private static readonly string CataloguePath = Path.Combine(RepoPaths.Root, "..", "shared", "data", "aws-pci-checks.json");

    [Fact]
    public void EveryRuleCatalogueId_IsARowOfTheCatalogue()
    {
        var ids = Rows().Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = RulePack.BuiltIn.Rules.SelectMany(r => r.Descriptor.CatalogueIds.Where(c => !ids.Contains(c)).Select(c => $"{r.Descriptor.Id}: {c}")).ToList();
        unknown.ShouldBeEmpty();
    }

    [Fact]
    public void EveryUncoveredRow_HasAReason_AndNoCoveredRowHasOne()
    {
        var covered = RulePack.BuiltIn.Rules.SelectMany(r => r.Descriptor.CatalogueIds).ToHashSet(StringComparer.Ordinal);
        var reasons = NotCovered();
        var inScope = Rows().Where(r => r.Scope == "core" && r.Decidable.Contains("iac", StringComparison.Ordinal)).Select(r => r.Id).ToList();
        inScope.Where(id => !covered.Contains(id) && !reasons.ContainsKey(id)).ShouldBeEmpty("uncovered rows need a reason in src/PciZone.Rules/catalogue-not-covered.yaml");
        reasons.Keys.Where(covered.Contains).ShouldBeEmpty("these rows are covered now: delete their lines from catalogue-not-covered.yaml");
        reasons.Keys.Where(id => !inScope.Contains(id)).ShouldBeEmpty("not rows of the pack's scope");
    }

    [Fact]
    public void CoveragePage_IsCurrent()
    {
        var path = Path.Combine(RepoPaths.Root, "docs", "compliance", "aws-checks-coverage.md");
        var expected = Page();
        if (Environment.GetEnvironmentVariable("PCIZONE_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        File.Exists(path).ShouldBeTrue("run with PCIZONE_UPDATE_DOCS=1 to generate docs/compliance/aws-checks-coverage.md");
        File.ReadAllText(path).ReplaceLineEndings("\n").ShouldBe(expected, "docs/compliance/aws-checks-coverage.md is stale: run the tests with PCIZONE_UPDATE_DOCS=1");
    }

    private static string Page()
    {
        var byRow = RulePack.BuiltIn.Rules.SelectMany(r => r.Descriptor.CatalogueIds.Select(c => (Row: c, Rule: r.Descriptor.Id)))
            .GroupBy(x => x.Row, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Rule).Distinct().Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var rows = Rows().Where(r => r.Scope == "core" && r.Decidable.Contains("iac", StringComparison.Ordinal)).ToList();
        var covered = rows.Count(r => byRow.ContainsKey(r.Id));
        var reasons = NotCovered();
        var sb = new StringBuilder();
        sb.Append("# Coverage of the AWS check catalogue\n\n");
        sb.Append("Generated from `../shared/data/aws-pci-checks.json` and the rules' `catalogue:` ids; do not edit.\n");
        sb.Append("Rows in scope: `scope: core` and decidable from infrastructure code.\n\n");
        sb.Append($"{covered} of {rows.Count} rows covered by {RulePack.BuiltIn.Rules.Count} rules; ");
        sb.Append($"{rows.Count(r => !byRow.ContainsKey(r.Id) && reasons.ContainsKey(r.Id))} not covered, each with its reason (src/PciZone.Rules/catalogue-not-covered.yaml).\n");
        foreach (var service in rows.GroupBy(r => r.Service).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append($"\n## {service.Key} ({service.Count(r => byRow.ContainsKey(r.Id))} of {service.Count()})\n\n| Row | Check | Rules |\n| --- | --- | --- |\n");
            foreach (var row in service.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                var rules = byRow.TryGetValue(row.Id, out var list) ? string.Join(", ", list)
                    : reasons.TryGetValue(row.Id, out var why) ? $"not covered: {why.Replace("|", "\\|", StringComparison.Ordinal)}" : "not yet";
                sb.Append($"| {row.Id} | {row.Title.Replace("|", "\\|", StringComparison.Ordinal)} | {rules} |\n");
            }
        }

        return sb.ToString();
    }

    private static Dictionary<string, string> NotCovered()
    {
        var path = Path.Combine(RepoPaths.Root, "src", "PciZone.Rules", "catalogue-not-covered.yaml");
        return new YamlDotNet.Serialization.Deserializer().Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];
    }

    private static List<(string Id, string Service, string Scope, string Decidable, string Title)> Rows()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(CataloguePath));
        return doc.RootElement.EnumerateArray().Select(r => (
            r.GetProperty("id").GetString()!,
            r.GetProperty("service").GetString()!,
            r.GetProperty("scope").GetString()!,
            r.GetProperty("decidable_from").GetString()!,
            r.GetProperty("title").GetString()!)).ToList();
    }
}
