using System.Text;
using PciZone.Compliance;

namespace PciZone.Rules;

/// <summary>Generates docs/rules/*.md from rule metadata and the PCI mapping; a test keeps them current.</summary>
public static class RuleDocs
{
    /// <summary>File name to Markdown for every rule, plus the index (README.md).</summary>
    public static IReadOnlyDictionary<string, string> Generate(RulePack pack, ComplianceMapping mapping, RequirementCatalogue catalogue)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in pack.Rules)
        {
            files[$"{rule.Descriptor.Id}.md"] = Page(rule.Descriptor, mapping, catalogue);
        }

        files["README.md"] = Index(pack, mapping);
        return files;
    }

    private static string Page(RuleDescriptor d, ComplianceMapping mapping, RequirementCatalogue catalogue)
    {
        var sb = new StringBuilder();
        sb.Append("<!-- Generated from rule.yaml and the PCI mapping; do not edit. -->\n");
        sb.Append($"# {d.Id}: {d.Title}\n\n");
        sb.Append($"| | |\n|---|---|\n| Slug | `{d.Slug}` |\n| Severity | {Wire.Name(d.Severity)} |\n| Status | {Wire.Name(d.Status)} |\n");
        sb.Append($"| Service | {d.Service} |\n| Checks | {string.Join(", ", d.EstateTypes)} |\n| Formats | {string.Join(", ", d.Formats)} |\n\n");
        sb.Append($"## What it checks\n\n{d.Description}\n\n## Why\n\n{d.Risk}\n\n## PCI DSS v4.0.1\n\n");
        foreach (var m in mapping.Mappings.Where(m => m.RuleId == d.Id)
                     .OrderBy(m => catalogue.Find(m.RequirementId)?.Order ?? int.MaxValue))
        {
            var summary = catalogue.Find(m.RequirementId)?.Summary ?? "";
            sb.Append($"- **{m.RequirementId}** ({Wire.Name(m.Coverage)}): {summary}. Basis: {m.Basis}\n");
        }

        sb.Append($"\n## Remediation\n\n{d.Remediation}\n\nTerraform:\n\n```hcl\n{d.RemediationTerraform}\n```\n");
        if (d.RemediationCloudFormation.Length > 0)
        {
            sb.Append($"\nCloudFormation:\n\n```yaml\n{d.RemediationCloudFormation}\n```\n");
        }

        sb.Append("\n## References\n\n");
        foreach (var r in d.References)
        {
            sb.Append($"- <{r}>\n");
        }

        return sb.ToString();
    }

    private static string Index(RulePack pack, ComplianceMapping mapping)
    {
        var sb = new StringBuilder();
        sb.Append("<!-- Generated from rule.yaml and the PCI mapping; do not edit. -->\n");
        sb.Append($"# Rules ({pack.Rules.Count})\n\n| Id | Title | Severity | Service | PCI DSS v4.0.1 |\n|---|---|---|---|---|\n");
        foreach (var r in pack.Rules)
        {
            var d = r.Descriptor;
            sb.Append($"| [{d.Id}]({d.Id}.md) | {d.Title} | {Wire.Name(d.Severity)} | {d.Service} | {string.Join(", ", mapping.RequirementsFor(d.Id))} |\n");
        }

        return sb.ToString();
    }
}
