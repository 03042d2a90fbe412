using System.Text.Json;
using System.Text.Json.Nodes;

namespace PciZone.Benchmarks.Synthetic;

/// <summary>
/// The configuration section: provider config, and per module its resources' expressions (one entry
/// per resource block, with count_expression for counted ones), module calls with their inputs,
/// variables and outputs. This is what the reader resolves references against.
/// </summary>
internal static class ConfigSection
{
    public static void Write(Utf8JsonWriter w, StackDice org, int rootCount, List<StackLayout> stacks)
    {
        w.WriteStartObject();
        w.WritePropertyName("provider_config");
        PlanSections.WriteSorted(w, new JsonObject
        {
            ["aws"] = new JsonObject
            {
                ["name"] = "aws",
                ["full_name"] = SyntheticPlan.Provider,
                ["version_constraint"] = "5.100.0",
                ["expressions"] = new JsonObject { ["region"] = Shape.ConstValue("eu-west-1") },
            },
        });
        w.WritePropertyName("root_module");
        w.WriteStartObject();
        if (rootCount > 0)
        {
            Resources(w, StackLayout.RootShapes(org, rootCount));
        }

        if (stacks.Count > 0)
        {
            w.WritePropertyName("module_calls");
            w.WriteStartObject();
            foreach (var stack in stacks)
            {
                w.WritePropertyName(stack.Dice.ModuleName);
                w.WriteStartObject();
                w.WriteString("source", "./modules/service");
                w.WritePropertyName("expressions");
                PlanSections.WriteSorted(w, new JsonObject { ["name"] = Shape.ConstValue(stack.Dice.Name) });
                w.WritePropertyName("module");
                ServiceModule(w, stack);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void ServiceModule(Utf8JsonWriter w, StackLayout stack)
    {
        w.WriteStartObject();
        Resources(w, stack.ServiceShapes());
        if (stack.HasStorage)
        {
            w.WritePropertyName("module_calls");
            w.WriteStartObject();
            w.WritePropertyName("storage");
            w.WriteStartObject();
            w.WriteString("source", "../storage");
            w.WritePropertyName("expressions");
            PlanSections.WriteSorted(w, new JsonObject
            {
                ["kms_key_arn"] = Shape.References("aws_kms_key.main", "arn"),
                ["name"] = new JsonObject { ["references"] = Shape.Array("var.name") },
            });
            w.WritePropertyName("module");
            w.WriteStartObject();
            w.WritePropertyName("outputs");
            PlanSections.WriteSorted(w, new JsonObject
            {
                ["bucket_id"] = new JsonObject { ["expression"] = Shape.References("aws_s3_bucket.data", "id") },
            });
            Resources(w, stack.StorageShapesInOrder());
            Variables(w, "kms_key_arn", "name");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        Variables(w, "name");
        w.WriteEndObject();
    }

    private static void Resources(Utf8JsonWriter w, IEnumerable<Shape> shapes)
    {
        w.WritePropertyName("resources");
        w.WriteStartArray();
        string? last = null;
        foreach (var s in shapes)
        {
            // Counted instances share one resource block in the configuration.
            if (s.ConfigAddress == last)
            {
                continue;
            }

            last = s.ConfigAddress;
            w.WriteStartObject();
            w.WriteString("address", s.ConfigAddress);
            w.WriteString("mode", "managed");
            w.WriteString("type", s.Type);
            w.WriteString("name", s.Name);
            w.WriteString("provider_config_key", "aws");
            w.WritePropertyName("expressions");
            PlanSections.WriteSorted(w, s.Expressions);
            w.WriteNumber("schema_version", s.SchemaVersion);
            if (s.Index is int)
            {
                w.WritePropertyName("count_expression");
                PlanSections.WriteSorted(w, Shape.ConstValue(2));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Variables(Utf8JsonWriter w, params string[] names)
    {
        w.WritePropertyName("variables");
        w.WriteStartObject();
        foreach (var n in names)
        {
            w.WritePropertyName(n);
            w.WriteStartObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
