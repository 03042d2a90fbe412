using System.Text.Json.Nodes;
using Json.Schema;
using PciZone.LandingZone.Spec;
using YamlDotNet.Serialization;

namespace PciZone.LandingZone.Tests.Spec;

/// <summary>The published JSON schema accepts the bundled specs and knows exactly the keys the reader knows.</summary>
public sealed class SpecSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(Support.Terraform.RepoRoot, "docs", "schemas", "landing-zone-spec.schema.json");

    [Theory]
    [InlineData("payment-gateway")]
    [InlineData("minimal")]
    [InlineData("multi-region")]
    public void BundledSpec_ValidatesAgainstThePublishedSchema(string example)
    {
        var schema = JsonSchema.FromFile(SchemaPath);
        var yaml = new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(Path.Combine(Support.Terraform.RepoRoot, "examples", "landing-zone", $"{example}.yaml")));
        var json = JsonNode.Parse(new SerializerBuilder().JsonCompatible().Build().Serialize(yaml))!;
        Retype(json);

        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.ShouldBeTrue(string.Join("\n", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Schema_ListsExactlyTheKeysTheReaderKnows()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        Keys(schema).ShouldBe(SpecKeys.Root, ignoreOrder: true);
        Keys(schema["properties"]!["organization"]!).ShouldBe(SpecKeys.Organization, ignoreOrder: true);
        Keys(schema["properties"]!["state"]!).ShouldBe(SpecKeys.State, ignoreOrder: true);
        Keys(schema["properties"]!["accounts"]!["additionalProperties"]!).ShouldBe(SpecKeys.Account, ignoreOrder: true);
        Keys(schema["properties"]!["accounts"]!["additionalProperties"]!["properties"]!["vpcs"]!["items"]!).ShouldBe(SpecKeys.Vpc, ignoreOrder: true);
        Keys(schema["properties"]!["network"]!).ShouldBe(SpecKeys.Network, ignoreOrder: true);
        Keys(schema["properties"]!["identity"]!).ShouldBe(SpecKeys.Identity, ignoreOrder: true);
        Keys(schema["properties"]!["identity"]!["properties"]!["groups"]!["items"]!).ShouldBe(SpecKeys.Group, ignoreOrder: true);
        Keys(schema["properties"]!["logging"]!).ShouldBe(SpecKeys.Logging, ignoreOrder: true);
        Keys(schema["properties"]!["guardrails"]!).ShouldBe(SpecKeys.Guardrails, ignoreOrder: true);
        Keys(schema["properties"]!["guardrails"]!["properties"]!["custom"]!["items"]!).ShouldBe(SpecKeys.CustomPolicy, ignoreOrder: true);
    }

    private static string[] Keys(JsonNode node) => node["properties"]!.AsObject().Select(p => p.Key).ToArray();

    // YAML scalars arrive as strings; the schema types numbers and booleans.
    private static void Retype(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(kv => kv.Key).ToList())
                {
                    if (obj[key] is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        obj[key] = long.TryParse(s, out var n) ? JsonValue.Create(n) : s is "true" or "false" ? JsonValue.Create(s == "true") : JsonValue.Create(s);
                    }
                    else if (obj[key] is { } child)
                    {
                        Retype(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    Retype(item);
                }

                break;
        }
    }
}
