using System.Text.Json.Nodes;

namespace PciZone.Benchmarks.Synthetic;

/// <summary>
/// One planned resource instance in the four views that <c>terraform show -json</c> gives it: known
/// values (planned_values and change.after), after_unknown, sensitive_values, and the configuration
/// expressions. A value known only after apply is absent from the values and true in after_unknown,
/// exactly as Terraform writes it, so the reader meets the same unknowns as on a real plan.
/// </summary>
internal sealed class Shape
{
    public Shape(string type, string name, int schemaVersion = 0)
    {
        Type = type;
        Name = name;
        SchemaVersion = schemaVersion;
    }

    public string Type { get; }

    public string Name { get; }

    public int SchemaVersion { get; }

    /// <summary>count index (int) or for_each key (string); null for a single instance.</summary>
    public object? Index { get; init; }

    /// <summary>Set on a resource whose every attribute is unknown: Terraform then omits <c>values</c>.</summary>
    public bool AllUnknown { get; set; }

    public JsonObject Values { get; } = [];

    public JsonObject Unknown { get; } = [];

    public JsonObject Sensitive { get; } = [];

    public JsonObject Expressions { get; } = [];

    /// <summary>Module-relative resource and attribute that an expression reads (relevant_attributes).</summary>
    public List<(string Resource, string Attribute)> Reads { get; } = [];

    public string ConfigAddress => $"{Type}.{Name}";

    /// <summary>A literal argument: known, and a constant_value in the configuration.</summary>
    public Shape Const(string key, JsonNode? value)
    {
        Values[key] = value;
        Expressions[key] = new JsonObject { ["constant_value"] = value?.DeepClone() };
        return this;
    }

    /// <summary>A provider default or an unset optional argument: known, absent from the configuration.</summary>
    public Shape Default(string key, JsonNode? value)
    {
        Values[key] = value;
        return this;
    }

    /// <summary>Attributes the provider computes at apply time.</summary>
    public Shape Computed(params string[] keys)
    {
        foreach (var k in keys)
        {
            Unknown[k] = true;
        }

        return this;
    }

    /// <summary>An argument set from another resource's attribute; unknown until apply.</summary>
    public Shape Ref(string key, string target, string attribute, int? index = null)
    {
        Unknown[key] = true;
        Expressions[key] = References(target, attribute, index);
        Reads.Add((index is null ? target : $"{target}[{index}]", attribute));
        return this;
    }

    /// <summary>An argument known at plan time whose expression still names a variable or count.index.</summary>
    public Shape KnownFrom(string key, JsonNode? value, params string[] references)
    {
        Values[key] = value;
        Expressions[key] = new JsonObject { ["references"] = Array(references) };
        return this;
    }

    /// <summary>An argument set from an unknown value passed in through a module variable.</summary>
    public Shape UnknownFrom(string key, params string[] references)
    {
        Unknown[key] = true;
        Expressions[key] = new JsonObject { ["references"] = Array(references) };
        return this;
    }

    /// <summary>Shapes of nested blocks and maps in sensitive_values (and after_sensitive).</summary>
    public Shape Sens(string key, JsonNode node)
    {
        Sensitive[key] = node;
        return this;
    }

    /// <summary>A nested block: its known values, its expressions and its after_unknown shape.</summary>
    public Shape Block(string key, JsonArray values, JsonArray? expressions, JsonNode? unknown, JsonNode? sensitive = null)
    {
        Values[key] = values;
        if (expressions is not null)
        {
            Expressions[key] = expressions;
        }

        if (unknown is not null)
        {
            Unknown[key] = unknown;
        }

        if (sensitive is not null)
        {
            Sensitive[key] = sensitive;
        }

        return this;
    }

    /// <summary>An edit that the fluent helpers do not cover (nested after_unknown shapes).</summary>
    public Shape With(Action<Shape> edit)
    {
        edit(this);
        return this;
    }

    public static JsonObject References(string target, string attribute, int? index = null) =>
        index is null
            ? new JsonObject { ["references"] = Array($"{target}.{attribute}", target) }
            : new JsonObject { ["references"] = Array($"{target}[{index}].{attribute}", $"{target}[{index}]", target) };

    public static JsonObject ConstValue(JsonNode? value) => new() { ["constant_value"] = value };

    public static JsonArray Array(params string[] items)
    {
        var a = new JsonArray();
        foreach (var i in items)
        {
            a.Add(i);
        }

        return a;
    }

    public static JsonArray Empty() => [];

    public static JsonArray Falses(int count)
    {
        var a = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            a.Add(false);
        }

        return a;
    }
}
