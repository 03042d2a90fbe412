using PciZone.Compliance;

namespace PciZone.Cli.RulesCmd;

/// <summary>The text of <c>rules explain</c>: plain, so it reads the same in a terminal, a pipe or a ticket.</summary>
internal static class RuleExplainer
{
    public static void Write(RuleDescriptor rule, ComplianceMapping mapping, RequirementCatalogue catalogue, TextWriter o)
    {
        o.WriteLine($"{rule.Id}  {rule.Slug}");
        o.WriteLine(rule.Title);
        o.WriteLine();
        o.WriteLine($"Severity:  {Wire.Name(rule.Severity)}");
        o.WriteLine($"Status:    {Wire.Name(rule.Status)}");
        o.WriteLine($"Service:   {rule.Service}");
        o.WriteLine($"Checks:    {string.Join(", ", rule.EstateTypes)} ({string.Join(", ", rule.Formats)})");
        Section(o, "Description", rule.Description);
        Section(o, "Risk", rule.Risk);

        o.WriteLine();
        o.WriteLine("PCI DSS v4.0.1 requirements:");
        var lines = mapping.Mappings.Where(m => m.RuleId == rule.Id)
            .OrderBy(m => catalogue.Find(m.RequirementId)?.Order ?? int.MaxValue)
            .ToList();
        if (lines.Count == 0)
        {
            o.WriteLine("  (none mapped)");
        }

        foreach (var m in lines)
        {
            var summary = catalogue.Find(m.RequirementId)?.Summary ?? "(not in catalogue)";
            o.WriteLine($"  {m.RequirementId}  {summary}");
            o.WriteLine($"      coverage: {Wire.Name(m.Coverage)}; {m.Basis}");
        }

        Section(o, "Remediation", rule.Remediation);
        Snippet(o, "Terraform", rule.RemediationTerraform);
        Snippet(o, "CloudFormation", rule.RemediationCloudFormation);

        if (rule.References.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("References:");
            foreach (var r in rule.References)
            {
                o.WriteLine($"  {r}");
            }
        }

        o.WriteLine();
        o.WriteLine($"Documentation: {rule.HelpUri}");
    }

    private static void Section(TextWriter o, string title, string text)
    {
        o.WriteLine();
        o.WriteLine($"{title}:");
        foreach (var paragraph in text.Split('\n'))
        {
            foreach (var line in Wrap(paragraph, 98))
            {
                o.WriteLine(("  " + line).TrimEnd());
            }
        }
    }

    /// <summary>Word-wraps prose so that explanations read well in a terminal and in a pasted ticket.</summary>
    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        yield return line.ToString();
    }

    private static void Snippet(TextWriter o, string title, string code)
    {
        if (code.Length == 0)
        {
            return;
        }

        o.WriteLine();
        o.WriteLine($"  {title}:");
        foreach (var line in code.Split('\n'))
        {
            o.WriteLine(("    " + line).TrimEnd());
        }
    }
}
