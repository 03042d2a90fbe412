using System.Globalization;
using System.Text.Json.Nodes;
using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>EventBridge rules with their inline targets.</summary>
internal sealed class EventsCloudFormationMappers : ICloudFormationMappers
{
    // The fields of an event pattern written as a template object that the reader rebuilds: the view
    // reads values by path, so fields outside this list are not seen (a JSON string pattern is read whole).
    private static readonly string[] PatternFields =
    [
        "source", "detail-type", "account", "region", "resources",
        "detail.severity", "detail.type", "detail.eventSource", "detail.eventName",
        "detail.findings.Severity.Label", "detail.findings.ProductName", "detail.findings.ProductFields.aws/securityhub/ProductName",
        "detail.findings.Workflow.Status", "detail.findings.RecordState",
    ];

    private static readonly string[] Operators = ["prefix", "suffix", "equals-ignore-case", "wildcard"];

    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::Events::Rule", (r, e) => e.Add(new EventRule
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Name = r.String("Name"),
            EventPattern = Pattern(r),
            Enabled = r.String("State", "ENABLED").Map(s => !string.Equals(s, "DISABLED", StringComparison.Ordinal)),
            Targets = r.Blocks("Targets").Select(t => t.Ref("Arn")).ToList(),
        }));
    }

    // EventPattern is a JSON string, or an object in the template.
    private static Value<string?> Pattern(IResourceView r)
    {
        if (!r.Has("EventPattern"))
        {
            return Value.Default<string?>(null, r.Provenance);
        }

        if (r.Block("EventPattern") is null)
        {
            return r.String("EventPattern");
        }

        var root = new JsonObject();
        foreach (var field in PatternFields.Where(f => r.Has("EventPattern." + f)))
        {
            if (Matchers(r, "EventPattern." + field) is not { } matchers)
            {
                return Value.Unknown<string?>($"EventPattern.{field} cannot be read offline", r.At("EventPattern"));
            }

            var parts = field.Split('.');
            var node = root;
            foreach (var part in parts[..^1])
            {
                node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
            }

            node[parts[^1]] = matchers;
        }

        return Value.Of<string?>(root.ToJsonString(), r.At("EventPattern"));
    }

    // A list of values, or of matcher objects ({"numeric": [">=", 7]}, {"prefix": "x"}, {"anything-but": [..]}, {"exists": true}).
    private static JsonArray? Matchers(IResourceView r, string path)
    {
        var values = r.Strings(path);
        if (values.IsKnown)
        {
            return new JsonArray([.. values.Get().Select(Scalar)]);
        }

        var result = new JsonArray();
        foreach (var m in r.Blocks(path))
        {
            var obj = new JsonObject();
            if (m.Strings("numeric") is { IsKnown: true } numeric && numeric.Get().Count > 0)
            {
                obj["numeric"] = new JsonArray([.. numeric.Get().Select(Scalar)]);
            }
            else if (m.Has("anything-but") && m.Strings("anything-but") is { IsKnown: true } but)
            {
                obj["anything-but"] = new JsonArray([.. but.Get().Select(Scalar)]);
            }
            else if (m.Has("exists"))
            {
                obj["exists"] = m.Bool("exists", true).GetOrDefault();
            }
            else if (Operators.FirstOrDefault(m.Has) is { } op && m.String(op).GetOrDefault() is { } text)
            {
                obj[op] = text;
            }
            else
            {
                return null;
            }

            result.Add(obj);
        }

        return result.Count > 0 ? result : null;
    }

    private static JsonNode? Scalar(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : JsonValue.Create(text);
}
