using System.Text.Json.Nodes;
using Json.Schema;

namespace PciZone.Scope.Tests.Output;

/// <summary>The published evidence schema, loaded once.</summary>
internal static class Schemas
{
    private static readonly Lazy<JsonSchema> LazyEvidence = new(() => JsonSchema.FromText(File.ReadAllText(RepoPaths.EvidenceSchema)));

    public static JsonSchema Evidence => LazyEvidence.Value;

    /// <summary>Validates with format checks on; returns the failing locations and messages (empty when valid).</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        var result = Evidence.Evaluate(JsonNode.Parse(json), new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        if (result.IsValid)
        {
            return [];
        }

        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no details)"];
    }
}
