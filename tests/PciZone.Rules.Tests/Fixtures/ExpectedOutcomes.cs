using YamlDotNet.RepresentationModel;

namespace PciZone.Rules.Tests.Fixtures;

/// <summary>The exact pass / fail / unknown address sets of one fixture, from expected.yaml.</summary>
internal sealed record ExpectedOutcome(
    IReadOnlySet<string> Pass,
    IReadOnlySet<string> Fail,
    IReadOnlySet<string> Unknown);

internal static class ExpectedOutcomes
{
    /// <summary>format -> fixture file name -> outcome.</summary>
    public static Dictionary<string, Dictionary<string, ExpectedOutcome>> Load(string ruleFolder)
    {
        var path = Path.Combine(ruleFolder, "expected.yaml");
        var result = new Dictionary<string, Dictionary<string, ExpectedOutcome>>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            yaml.Load(reader);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            return result;
        }

        foreach (var (formatKey, fixtures) in root.Children)
        {
            var byFixture = new Dictionary<string, ExpectedOutcome>(StringComparer.Ordinal);
            foreach (var (fixtureKey, sets) in ((YamlMappingNode)fixtures).Children)
            {
                var m = (YamlMappingNode)sets;
                byFixture[((YamlScalarNode)fixtureKey).Value!] = new ExpectedOutcome(Set(m, "pass"), Set(m, "fail"), Set(m, "unknown"));
            }

            result[((YamlScalarNode)formatKey).Value!] = byFixture;
        }

        return result;
    }

    private static HashSet<string> Set(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq
            ? seq.Children.Select(c => ((YamlScalarNode)c).Value!).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
}
