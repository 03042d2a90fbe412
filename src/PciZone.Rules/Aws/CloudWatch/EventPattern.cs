using System.Globalization;
using System.Text.Json;
using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudWatch;

/// <summary>
/// Evaluates an EventBridge event pattern against one sample event, so that a rule can ask "would this
/// rule receive that event?". Exact values, <c>prefix</c>, <c>suffix</c>, <c>equals-ignore-case</c>,
/// <c>wildcard</c>, <c>anything-but</c>, <c>numeric</c>, <c>exists</c> and <c>$or</c> are understood; other
/// matchers (<c>cidr</c>) leave the answer undecided.
/// </summary>
internal static class EventPattern
{
    /// <summary>True or false when the pattern does or does not match; null when it cannot be read.</summary>
    public static bool? Matches(string pattern, JsonElement sample)
    {
        try
        {
            using var doc = JsonDocument.Parse(pattern);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? Object(doc.RootElement, sample) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Known true when some enabled rule with a target receives every sample; unknown when a rule that may
    /// cannot be read; else known false. <paramref name="route"/> names the first such rule and its targets.
    /// </summary>
    public static Value<bool> Routed(IEnumerable<EventRule> rules, IReadOnlyList<JsonElement> samples, out string? route)
    {
        route = null;
        Value<bool>? unknown = null;
        foreach (var rule in rules)
        {
            if (rule.Targets.Count == 0 || (rule.Enabled.IsKnown && !rule.Enabled.Get()) || (rule.EventPattern.IsKnown && rule.EventPattern.Get() is null))
            {
                continue;
            }

            if (rule.EventPattern.IsUnknown || rule.Enabled.IsUnknown)
            {
                unknown ??= Value.Unknown<bool>($"rule {rule.Address} has a pattern or state unknown until apply", rule.Provenance);
                continue;
            }

            var results = samples.Select(s => Matches(rule.EventPattern.Get()!, s)).ToList();
            if (results.All(r => r == true))
            {
                route = $"{rule.Address} (to {string.Join(", ", rule.Targets.Select(t => t.IsKnown ? t.Get()?.ToString() ?? "(none)" : "a target known after apply"))})";
                return Value.Of(true, rule.Provenance);
            }

            if (results.All(r => r != false))
            {
                unknown ??= Value.Unknown<bool>($"the pattern of rule {rule.Address} cannot be read", rule.Provenance);
            }
        }

        return unknown ?? Value.Of(false, Provenance.None);
    }

    private static bool? Object(JsonElement pattern, JsonElement sample)
    {
        bool? result = true;
        foreach (var field in pattern.EnumerateObject())
        {
            bool? ok;
            if (field.Name == "$or")
            {
                ok = field.Value.ValueKind == JsonValueKind.Array ? Any(field.Value.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.Object ? Object(p, sample) : null)) : null;
            }
            else
            {
                JsonElement value = default;
                var present = sample.ValueKind == JsonValueKind.Object && sample.TryGetProperty(field.Name, out value);
                ok = field.Value.ValueKind switch
                {
                    JsonValueKind.Object when !present => false,
                    JsonValueKind.Object => value.ValueKind == JsonValueKind.Array ? Any(value.EnumerateArray().Select(v => Object(field.Value, v))) : Object(field.Value, value),
                    JsonValueKind.Array => Field(field.Value, present ? value : null),
                    _ => null,
                };
            }

            result = And(result, ok);
            if (result == false)
            {
                return false;
            }
        }

        return result;
    }

    // A field matches when any matcher matches the value, or any element of an array value.
    private static bool? Field(JsonElement matchers, JsonElement? value)
    {
        var values = value is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Select(v => (JsonElement?)v).ToList() : [value];
        return Any(matchers.EnumerateArray().SelectMany(m => values.Select(v => Matcher(m, v))));
    }

    private static bool? Matcher(JsonElement matcher, JsonElement? value)
    {
        if (matcher.ValueKind != JsonValueKind.Object)
        {
            return value is { } v && SameScalar(matcher, v);
        }

        var op = matcher.EnumerateObject().FirstOrDefault();
        if (op.Name == "exists")
        {
            return op.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? (value is not null) == (op.Value.ValueKind == JsonValueKind.True) : null;
        }

        if (value is not { } present)
        {
            return false;
        }

        var text = Text(present);
        return op.Name switch
        {
            "prefix" when op.Value.ValueKind == JsonValueKind.String => text?.StartsWith(op.Value.GetString()!, StringComparison.Ordinal) == true,
            "suffix" when op.Value.ValueKind == JsonValueKind.String => text?.EndsWith(op.Value.GetString()!, StringComparison.Ordinal) == true,
            "equals-ignore-case" when op.Value.ValueKind == JsonValueKind.String => string.Equals(text, op.Value.GetString(), StringComparison.OrdinalIgnoreCase),
            "wildcard" when op.Value.ValueKind == JsonValueKind.String => text is not null && Wildcard.Matches(op.Value.GetString()!, text, ignoreCase: false, questionMark: false),
            "anything-but" => AnythingBut(op.Value, present),
            "numeric" => Numeric(op.Value, present),
            _ => null,
        };
    }

    private static bool? AnythingBut(JsonElement excluded, JsonElement value) => excluded.ValueKind switch
    {
        JsonValueKind.Array => !excluded.EnumerateArray().Any(e => SameScalar(e, value)),
        JsonValueKind.Object => Matcher(excluded, value) is { } inner ? !inner : null,
        _ => !SameScalar(excluded, value),
    };

    private static bool? Numeric(JsonElement spec, JsonElement value)
    {
        if (spec.ValueKind != JsonValueKind.Array || Number(value) is not { } x)
        {
            return spec.ValueKind == JsonValueKind.Array ? false : null;
        }

        var parts = spec.EnumerateArray().ToList();
        for (var i = 0; i + 1 < parts.Count; i += 2)
        {
            if (parts[i].ValueKind != JsonValueKind.String || Number(parts[i + 1]) is not { } bound)
            {
                return null;
            }

            var ok = parts[i].GetString() switch
            {
                "=" => x == bound,
                ">" => x > bound,
                ">=" => x >= bound,
                "<" => x < bound,
                "<=" => x <= bound,
                _ => (bool?)null,
            };
            if (ok != true)
            {
                return ok;
            }
        }

        return true;
    }

    // Numbers compare by value, so 7 and 7.0 (and a template's "7") are one value.
    private static bool SameScalar(JsonElement a, JsonElement b) =>
        Number(a) is { } x && Number(b) is { } y ? x == y : a.ValueKind == b.ValueKind ? Text(a) == Text(b) : Text(a) is { } t && t == Text(b);

    private static double? Number(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number ? e.GetDouble()
        : e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
        : null;

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.Null => "null",
        _ => null,
    };

    private static bool? Any(IEnumerable<bool?> results)
    {
        bool? result = false;
        foreach (var r in results)
        {
            if (r == true)
            {
                return true;
            }

            result = r is null ? null : result;
        }

        return result;
    }

    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a == true && b == true ? true : null;
}
