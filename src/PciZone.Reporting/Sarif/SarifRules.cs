using System.Text;
using System.Text.Json;
using PciZone.Compliance;

namespace PciZone.Reporting;

/// <summary>Writes <c>tool.driver.rules</c>: one reporting descriptor per rule that ran.</summary>
internal static class SarifRules
{
    public static void Write(Utf8JsonWriter w, ReportFacts facts)
    {
        w.WriteStartArray("rules");
        foreach (var rule in facts.Rules)
        {
            var requirements = facts.RequirementsOf(rule.Id);
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("name", Wording.PascalCase(rule.Slug));
            WriteText(w, "shortDescription", rule.Title);
            WriteText(w, "fullDescription", rule.Description.Trim());
            w.WriteStartObject("help");
            w.WriteString("text", HelpText(rule, requirements));
            w.WriteString("markdown", HelpMarkdown(rule, requirements));
            w.WriteEndObject();
            w.WriteString("helpUri", rule.HelpUri);
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Wording.SarifLevel(rule.Severity));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteStartArray("tags");
            w.WriteStringValue("security");
            foreach (var req in requirements)
            {
                w.WriteStringValue($"{Wording.FrameworkTag}/{req}");
            }

            w.WriteEndArray();
            w.WriteString("security-severity", Wording.SecuritySeverity(rule.Severity));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void WriteText(Utf8JsonWriter w, string property, string text)
    {
        w.WriteStartObject(property);
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static string HelpText(RuleDescriptor rule, IReadOnlyList<string> requirements)
    {
        var sb = new StringBuilder();
        sb.Append(rule.Description.Trim()).Append("\n\n");
        sb.Append("Risk: ").Append(rule.Risk.Trim()).Append("\n\n");
        sb.Append("Remediation: ").Append(rule.Remediation.Trim());
        AppendSnippet(sb, "Terraform", null, rule.RemediationTerraform);
        AppendSnippet(sb, "CloudFormation", null, rule.RemediationCloudFormation);
        if (requirements.Count > 0)
        {
            sb.Append("\n\nPCI DSS v4.0.1: ").AppendJoin(", ", requirements);
        }

        return sb.ToString();
    }

    private static string HelpMarkdown(RuleDescriptor rule, IReadOnlyList<string> requirements)
    {
        var sb = new StringBuilder();
        sb.Append(rule.Description.Trim()).Append("\n\n");
        sb.Append("**Risk.** ").Append(rule.Risk.Trim()).Append("\n\n");
        sb.Append("**Remediation.** ").Append(rule.Remediation.Trim());
        AppendSnippet(sb, "Terraform", "hcl", rule.RemediationTerraform);
        AppendSnippet(sb, "CloudFormation", "yaml", rule.RemediationCloudFormation);
        if (requirements.Count > 0)
        {
            sb.Append("\n\n**PCI DSS v4.0.1:** ").AppendJoin(", ", requirements);
        }

        if (rule.References.Count > 0)
        {
            sb.Append("\n\n**References**\n");
            foreach (var r in rule.References)
            {
                sb.Append("\n- <").Append(r).Append('>');
            }
        }

        return sb.ToString();
    }

    private static void AppendSnippet(StringBuilder sb, string heading, string? fence, string snippet)
    {
        var code = snippet.TrimEnd();
        if (code.Length == 0)
        {
            return;
        }

        sb.Append("\n\n").Append(heading).Append(":\n");
        if (fence is null)
        {
            sb.Append(code);
            return;
        }

        sb.Append("\n```").Append(fence).Append('\n').Append(code).Append("\n```");
    }
}
