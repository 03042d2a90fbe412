using System.Text;
using PciZone.Compliance;

namespace PciZone.Monitoring.Rules;

/// <summary>Generates docs/monitor-catalogue.md from the built-in rules' metadata; a test keeps it current.</summary>
internal static class MonitorRuleDocs
{
    /// <param name="rules">The built-in rules, loaded with every placeholder given.</param>
    /// <param name="waiting">The same pack loaded without placeholders: the rules that then stay off.</param>
    /// <param name="catalogue">Requirement summaries.</param>
    public static string Render(IReadOnlyList<MonitorRuleInfo> rules, IReadOnlyList<InactiveRule> waiting, RequirementCatalogue catalogue)
    {
        rules = [.. rules.OrderBy(r => r.Id, StringComparer.Ordinal)];
        var needs = waiting.ToDictionary(w => w.Id, w => w.MissingPlaceholders, StringComparer.Ordinal);
        var o = new StringBuilder();
        o.Append("# Monitor rule catalogue\n\n");
        o.Append("Generated from `src/PciZone.Monitoring/Rules/*/*/rule.yaml`; do not edit. The format is in\n");
        o.Append("[monitor-rules.md](monitor-rules.md); how to run the monitor is in [monitor.md](monitor.md).\n\n");
        o.Append($"{rules.Count} rules. Rules marked *needs placeholders* stay off until `monitor.placeholders` in\n");
        o.Append("`.pcizone.yaml` names the buckets, tables, keys, secrets and principals they are about.\n\n");
        o.Append("| Id | Level | Kind | Requirements | Title |\n| --- | --- | --- | --- | --- |\n");
        foreach (var r in rules)
        {
            var kind = needs.TryGetValue(r.Id, out var names) ? $"{r.Kind}, *needs placeholders* ({string.Join(", ", names)})" : r.Kind;
            o.Append($"| [{r.Id}](#{r.Id.ToLowerInvariant()}) | {Wire.Name(r.Level)} | {kind} | {string.Join(", ", r.Requirements)} | {Cell(r.Title)} |\n");
        }

        foreach (var r in rules)
        {
            o.Append($"\n## {r.Id}\n\n**{r.Title}** ({Wire.Name(r.Level)}, {r.Status}, {r.Kind})\n\n{r.Description.Trim()}\n\n");
            o.Append($"Source: `src/PciZone.Monitoring/Rules/{r.Source[MonitorRules.ResourcePrefix.Length..]}`\n\n");
            o.Append("PCI DSS v4.0.1:\n\n");
            foreach (var id in r.Requirements)
            {
                o.Append($"- {id}: {catalogue.Find(id)?.Summary ?? "(not in catalogue)"}\n");
            }

            if (r.FalsePositives.Count > 0)
            {
                o.Append("\nKnown benign causes:\n\n");
                foreach (var f in r.FalsePositives)
                {
                    o.Append($"- {f}\n");
                }
            }

            if (r.References.Count > 0)
            {
                o.Append("\nReferences:\n\n");
                foreach (var link in r.References)
                {
                    o.Append($"- <{link}>\n");
                }
            }
        }

        return o.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
