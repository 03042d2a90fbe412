using YamlDotNet.RepresentationModel;

namespace PciZone.Compliance;

/// <summary>How much of a requirement a rule covers.</summary>
public enum Coverage
{
    /// <summary>The rule decides the automatable part of the requirement on its own.</summary>
    Full,

    /// <summary>The rule decides part of it.</summary>
    Partial,

    /// <summary>The rule supports evidence for it.</summary>
    Supporting,
}

/// <summary>One mapping line: requirement to rule, with coverage and the basis for it.</summary>
public sealed record RequirementMapping(string RequirementId, string RuleId, Coverage Coverage, string Basis);

/// <summary>
/// The requirement-ordered mapping file for one framework version, and the reverse index from rule
/// to requirements built at load time.
/// </summary>
public sealed class ComplianceMapping
{
    private readonly Dictionary<string, IReadOnlyList<string>> _byRule;

    private ComplianceMapping(string framework, IReadOnlyList<RequirementMapping> mappings, RequirementCatalogue catalogue)
    {
        Framework = framework;
        Mappings = mappings;
        _byRule = mappings
            .GroupBy(m => m.RuleId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<string>)g.Select(m => m.RequirementId).Distinct(StringComparer.Ordinal)
                    .OrderBy(id => catalogue.Find(id)?.Order ?? int.MaxValue).ToList(),
                StringComparer.Ordinal);
    }

    /// <summary>Framework name (<c>pci-dss-4.0.1</c>).</summary>
    public string Framework { get; }

    /// <summary>Every mapping line in file order.</summary>
    public IReadOnlyList<RequirementMapping> Mappings { get; }

    /// <summary>The embedded PCI DSS v4.0.1 mapping.</summary>
    public static ComplianceMapping PciDss401 { get; } = LoadEmbedded();

    /// <summary>Requirement ids a rule maps to, in catalogue order.</summary>
    public IReadOnlyList<string> RequirementsFor(string ruleId) =>
        _byRule.TryGetValue(ruleId, out var r) ? r : [];

    /// <summary>Rule ids mapped to a requirement.</summary>
    public IEnumerable<RequirementMapping> RulesFor(string requirementId) =>
        Mappings.Where(m => m.RequirementId == requirementId);

    /// <summary>Parses a mapping YAML document.</summary>
    public static ComplianceMapping Parse(TextReader reader, RequirementCatalogue catalogue)
    {
        var stream = new YamlStream();
        stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var framework = ((YamlScalarNode)root.Children[new YamlScalarNode("framework")]).Value ?? "";
        var list = new List<RequirementMapping>();
        foreach (var req in (YamlSequenceNode)root.Children[new YamlScalarNode("requirements")])
        {
            var r = (YamlMappingNode)req;
            var id = ((YamlScalarNode)r.Children[new YamlScalarNode("id")]).Value ?? "";
            foreach (var m in (YamlSequenceNode)r.Children[new YamlScalarNode("rules")])
            {
                var rm = (YamlMappingNode)m;
                string Get(string key) =>
                    rm.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value ?? "" : "";
                var coverage = Get("coverage") switch
                {
                    "full" => Coverage.Full,
                    "partial" => Coverage.Partial,
                    "supporting" => Coverage.Supporting,
                    var other => throw new FormatException($"mapping for {id}: unknown coverage '{other}'"),
                };
                list.Add(new RequirementMapping(id, Get("rule"), coverage, Get("basis")));
            }
        }

        return new ComplianceMapping(framework, list, catalogue);
    }

    private static ComplianceMapping LoadEmbedded()
    {
        using var s = typeof(ComplianceMapping).Assembly.GetManifestResourceStream("frameworks/pci-dss-4.0.1.yaml")
                      ?? throw new InvalidOperationException("embedded PCI DSS mapping missing");
        using var reader = new StreamReader(s);
        return Parse(reader, RequirementCatalogue.PciDss401);
    }
}
