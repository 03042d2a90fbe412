using System.Text.Json;
using System.Text.Json.Nodes;

namespace PciZone.Benchmarks.Synthetic;

/// <summary>The planned_values, resource_changes and relevant_attributes sections.</summary>
internal static class PlanSections
{
    public static void PlannedValues(Utf8JsonWriter w, StackDice org, int rootCount, List<StackLayout> stacks)
    {
        w.WriteStartObject();
        w.WritePropertyName("root_module");
        w.WriteStartObject();
        if (rootCount > 0)
        {
            Resources(w, "", StackLayout.RootShapes(org, rootCount));
        }

        if (stacks.Count > 0)
        {
            w.WritePropertyName("child_modules");
            w.WriteStartArray();
            foreach (var stack in stacks)
            {
                w.WriteStartObject();
                Resources(w, stack.Address, stack.ServiceShapes());
                w.WriteString("address", stack.Address);
                if (stack.HasStorage)
                {
                    w.WritePropertyName("child_modules");
                    w.WriteStartArray();
                    w.WriteStartObject();
                    Resources(w, stack.StorageAddress, stack.StorageShapesInOrder());
                    w.WriteString("address", stack.StorageAddress);
                    w.WriteEndObject();
                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void ResourceChanges(Utf8JsonWriter w, StackDice org, int rootCount, List<StackLayout> stacks)
    {
        w.WriteStartArray();
        foreach (var shape in StackLayout.RootShapes(org, rootCount))
        {
            Change(w, "", shape);
        }

        foreach (var stack in stacks)
        {
            foreach (var shape in stack.ServiceShapes())
            {
                Change(w, stack.Address, shape);
            }

            foreach (var shape in stack.StorageShapesInOrder())
            {
                Change(w, stack.StorageAddress, shape);
            }
        }

        w.WriteEndArray();
    }

    public static void RelevantAttributes(Utf8JsonWriter w, StackDice org, int rootCount, List<StackLayout> stacks)
    {
        w.WriteStartArray();
        Relevant(w, "", StackLayout.RootShapes(org, rootCount));
        foreach (var stack in stacks)
        {
            Relevant(w, stack.Address, stack.ServiceShapes());
            Relevant(w, stack.StorageAddress, stack.StorageShapesInOrder());
        }

        w.WriteEndArray();
    }

    private static void Resources(Utf8JsonWriter w, string module, IEnumerable<Shape> shapes)
    {
        w.WritePropertyName("resources");
        w.WriteStartArray();
        foreach (var s in shapes)
        {
            w.WriteStartObject();
            Header(w, module, s, withModule: false);
            w.WriteNumber("schema_version", s.SchemaVersion);
            if (!s.AllUnknown)
            {
                w.WritePropertyName("values");
                WriteSorted(w, s.Values);
            }

            w.WritePropertyName("sensitive_values");
            WriteSorted(w, s.Sensitive);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Change(Utf8JsonWriter w, string module, Shape s)
    {
        w.WriteStartObject();
        Header(w, module, s, withModule: module.Length > 0);
        w.WritePropertyName("change");
        w.WriteStartObject();
        w.WritePropertyName("actions");
        w.WriteStartArray();
        w.WriteStringValue("create");
        w.WriteEndArray();
        w.WriteNull("before");
        w.WritePropertyName("after");
        WriteSorted(w, s.AllUnknown ? [] : s.Values);
        w.WritePropertyName("after_unknown");
        WriteSorted(w, s.Unknown);
        w.WriteBoolean("before_sensitive", false);
        w.WritePropertyName("after_sensitive");
        WriteSorted(w, s.Sensitive);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Header(Utf8JsonWriter w, string module, Shape s, bool withModule)
    {
        w.WriteString("address", SyntheticPlan.Address(module, s));
        if (withModule)
        {
            w.WriteString("module_address", module);
        }

        w.WriteString("mode", "managed");
        w.WriteString("type", s.Type);
        w.WriteString("name", s.Name);
        switch (s.Index)
        {
            case int i:
                w.WriteNumber("index", i);
                break;
            case string k:
                w.WriteString("index", k);
                break;
        }

        w.WriteString("provider_name", SyntheticPlan.Provider);
    }

    private static void Relevant(Utf8JsonWriter w, string module, IEnumerable<Shape> shapes)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var (resource, attribute) in shapes.SelectMany(s => s.Reads))
        {
            if (!seen.Add((resource, attribute)))
            {
                continue;
            }

            w.WriteStartObject();
            w.WriteString("resource", module.Length == 0 ? resource : $"{module}.{resource}");
            w.WritePropertyName("attribute");
            w.WriteStartArray();
            if (attribute.Length > 0)
            {
                w.WriteStringValue(attribute);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
    }

    /// <summary>Terraform writes object keys in sorted order; so do we.</summary>
    internal static void WriteSorted(Utf8JsonWriter w, JsonNode? node)
    {
        switch (node)
        {
            case null:
                w.WriteNullValue();
                break;
            case JsonObject o:
                w.WriteStartObject();
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.WritePropertyName(key);
                    WriteSorted(w, value);
                }

                w.WriteEndObject();
                break;
            case JsonArray a:
                w.WriteStartArray();
                foreach (var item in a)
                {
                    WriteSorted(w, item);
                }

                w.WriteEndArray();
                break;
            default:
                node.WriteTo(w);
                break;
        }
    }
}
