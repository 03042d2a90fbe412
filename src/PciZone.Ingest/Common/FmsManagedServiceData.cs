using System.Text.Json;
using PciZone.Estate;

namespace PciZone.Ingest;

/// <summary>
/// Reads the rule groups out of a Firewall Manager policy's managed service data, a JSON document given
/// as a string in both Terraform and CloudFormation.
/// </summary>
internal static class FmsManagedServiceData
{
    /// <summary>The WAF rule groups of the document; empty for non-WAF policies, Unknown when the text is.</summary>
    public static Value<IReadOnlyList<FmsRuleGroup>> RuleGroups(Value<string> serviceType, Value<string?> data, Provenance at)
    {
        if (serviceType.GetOrDefault() is not ("WAFV2" or "WAF"))
        {
            return serviceType.IsUnknown
                ? Value.Unknown<IReadOnlyList<FmsRuleGroup>>(serviceType.UnknownReason!, at)
                : Value.Default<IReadOnlyList<FmsRuleGroup>>([], at);
        }

        if (data.IsUnknown)
        {
            return Value.Unknown<IReadOnlyList<FmsRuleGroup>>(data.UnknownReason!, data.Source);
        }

        if (string.IsNullOrWhiteSpace(data.Get()))
        {
            return Value.Default<IReadOnlyList<FmsRuleGroup>>([], at);
        }

        try
        {
            using var doc = JsonDocument.Parse(data.Get()!);
            var groups = new List<FmsRuleGroup>();
            Read(doc.RootElement, "preProcessRuleGroups", "first", groups);
            Read(doc.RootElement, "postProcessRuleGroups", "last", groups);
            Read(doc.RootElement, "ruleGroups", "first", groups);
            return Value.Of<IReadOnlyList<FmsRuleGroup>>(groups, data.Source);
        }
        catch (JsonException ex)
        {
            return Value.Unknown<IReadOnlyList<FmsRuleGroup>>($"managed service data is not JSON: {ex.Message}", data.Source);
        }
    }

    private static void Read(JsonElement root, string property, string position, List<FmsRuleGroup> groups)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var g in list.EnumerateArray())
        {
            groups.Add(new FmsRuleGroup(Name(g), position, Text(g, "overrideAction", "type") ?? "NONE"));
        }
    }

    // A managed group by vendor and name, a customer group by ARN, a classic group by id.
    private static string Name(JsonElement g) =>
        Text(g, "managedRuleGroupIdentifier", "managedRuleGroupName") is { } managed
            ? $"{Text(g, "managedRuleGroupIdentifier", "vendorName") ?? "AWS"}:{managed}"
            : Text(g, "ruleGroupArn") ?? Text(g, "id") ?? "(unnamed)";

    private static string? Text(JsonElement e, params string[] path)
    {
        foreach (var step in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(step, out e))
            {
                return null;
            }
        }

        return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }
}
