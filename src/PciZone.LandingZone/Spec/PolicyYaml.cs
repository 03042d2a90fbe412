using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace PciZone.LandingZone.Spec;

/// <summary>
/// A custom SCP document written either as a JSON string or as YAML. Scalars stay strings: IAM accepts
/// "true" and "1" wherever it accepts true and 1, and a string never changes meaning on the way.
/// </summary>
internal static class PolicyYaml
{
    public static string ToJson(SpecNodes n, YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            try
            {
                return JsonNode.Parse(text) is JsonObject parsed ? parsed.ToJsonString() : Fail(n, node, path);
            }
            catch (JsonException ex)
            {
                n.Error(node, $"'{path}' is not valid JSON: {ex.Message}");
                return "";
            }
        }

        return Convert(node, depth: 0) is JsonObject obj ? obj.ToJsonString() : Fail(n, node, path);
    }

    private static string Fail(SpecNodes n, YamlNode node, string path)
    {
        n.Error(node, $"'{path}' must be a policy document (a JSON object or a YAML mapping)");
        return "";
    }

    private static JsonNode? Convert(YamlNode node, int depth)
    {
        // Policies are shallow; a deep tree is a mistake or an attack, not a policy.
        if (depth > 32)
        {
            return null;
        }

        return node switch
        {
            YamlScalarNode s => JsonValue.Create(s.Value ?? ""),
            YamlSequenceNode seq => new JsonArray(seq.Children.Select(c => Convert(c, depth + 1)).ToArray()),
            YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
                KeyValuePair.Create((kv.Key as YamlScalarNode)?.Value ?? "", Convert(kv.Value, depth + 1)))),
            _ => null,
        };
    }
}
