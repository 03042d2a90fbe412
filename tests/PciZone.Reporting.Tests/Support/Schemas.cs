using System.Text.Json.Nodes;
using Json.Schema;

namespace PciZone.Reporting.Tests;

/// <summary>The JSON Schemas the writers are checked against, loaded once.</summary>
internal static class Schemas
{
    private static readonly Lazy<JsonSchema> LazySarif = new(LoadSarif);
    private static readonly Lazy<JsonSchema> LazyReport = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.FormatsDir, "pcizone-report-1.0.schema.json"))));

    public static JsonSchema Sarif => LazySarif.Value;

    public static JsonSchema Report => LazyReport.Value;

    /// <summary>Validates with format checks on; returns the failing locations and messages (empty when valid).</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        var result = schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions
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

    // The OASIS schema is draft-04, which JsonSchema.Net does not implement. It uses only keywords whose
    // meaning draft-07 keeps (no boolean exclusiveMinimum/Maximum, checked below), so declaring it
    // draft-07 and renaming the root "id" to "$id" validates exactly what the original does.
    private static JsonSchema LoadSarif()
    {
        var path = Path.Combine(RepoPaths.SharedData, "sarif-schema-2.1.0.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var text = root.ToJsonString();
        if (text.Contains("\"exclusiveMinimum\"", StringComparison.Ordinal) || text.Contains("\"exclusiveMaximum\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("SARIF schema uses draft-04 exclusive bounds; the draft-07 translation is no longer exact");
        }

        root["$schema"] = "http://json-schema.org/draft-07/schema#";
        var id = root["id"]!.GetValue<string>();
        root.Remove("id");
        root["$id"] = id;
        return JsonSchema.FromText(root.ToJsonString());
    }
}
