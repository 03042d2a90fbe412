using System.Text;
using System.Text.Json;

namespace PciZone.Benchmarks.Synthetic;

/// <summary>
/// Writes a Terraform plan in the exact shape of <c>terraform show -json</c> (format 1.2, AWS provider
/// 5.100): planned_values with nested child_modules, resource_changes with after_unknown,
/// configuration with module_calls, variables, outputs and expression references, and
/// relevant_attributes. The estate is many service stacks of mixed resource types; the same size
/// and seed always give the same bytes.
/// </summary>
public static class SyntheticPlan
{
    /// <summary>Seed used by the benchmarks and by <c>--generate</c>.</summary>
    public const int DefaultSeed = 4011;

    /// <summary>Bumped whenever the generated shape changes, so that cached files are not reused.</summary>
    public const int GeneratorVersion = 2;

    internal const string Provider = "registry.terraform.io/hashicorp/aws";

    /// <summary>
    /// A plan file with exactly <paramref name="resources"/> planned resource instances, written once
    /// to the temp directory and reused while the generator version, size and seed are the same.
    /// </summary>
    public static string EnsureFile(int resources, int seed = DefaultSeed)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pcizone-bench");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"plan-v{GeneratorVersion}-{resources}-{seed}.json");
        if (!File.Exists(path))
        {
            var partial = path + $".{Environment.ProcessId}.tmp";
            Write(partial, resources, seed);
            File.Move(partial, path, overwrite: true);
        }

        return path;
    }

    /// <summary>Writes a plan with exactly <paramref name="resources"/> planned resource instances.</summary>
    public static void Write(string path, int resources, int seed = DefaultSeed)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(stream, resources, seed);
    }

    /// <summary>Writes the plan to a stream.</summary>
    public static void Write(Stream stream, int resources, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(resources);
        var (org, stacks) = Layout(resources, seed);
        var rootCount = Math.Min(resources, StackLayout.RootCount);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = false });
        w.WriteStartObject();
        w.WriteString("format_version", "1.2");
        w.WriteString("terraform_version", "1.11.4");
        w.WritePropertyName("planned_values");
        PlanSections.PlannedValues(w, org, rootCount, stacks);
        w.WritePropertyName("resource_changes");
        PlanSections.ResourceChanges(w, org, rootCount, stacks);
        w.WritePropertyName("configuration");
        ConfigSection.Write(w, org, rootCount, stacks);
        w.WritePropertyName("relevant_attributes");
        PlanSections.RelevantAttributes(w, org, rootCount, stacks);
        w.WriteString("timestamp", "2025-06-01T00:00:00Z");
        w.WriteBoolean("applyable", true);
        w.WriteBoolean("complete", true);
        w.WriteBoolean("errored", false);
        w.WriteEndObject();
    }

    /// <summary>Resource instances per type in a plan of this size: what the benchmark mix is made of.</summary>
    public static SortedDictionary<string, int> TypeCounts(int resources, int seed = DefaultSeed)
    {
        var (org, stacks) = Layout(resources, seed);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var all = StackLayout.RootShapes(org, Math.Min(resources, StackLayout.RootCount))
            .Concat(stacks.SelectMany(s => s.ServiceShapes().Concat(s.StorageShapesInOrder())));
        foreach (var shape in all)
        {
            counts[shape.Type] = counts.GetValueOrDefault(shape.Type) + 1;
        }

        return counts;
    }

    private static (StackDice Org, List<StackLayout> Stacks) Layout(int resources, int seed)
    {
        var random = new Random(seed);
        var org = new StackDice(0, random, "org");
        var stacks = new List<StackLayout>();
        var left = resources - Math.Min(resources, StackLayout.RootCount);
        for (var i = 1; left > 0; i++)
        {
            var stack = new StackLayout(new StackDice(i, random), left);
            stacks.Add(stack);
            left -= stack.Count;
        }

        return (org, stacks);
    }

    internal static string Address(string module, Shape s)
    {
        var sb = new StringBuilder();
        if (module.Length > 0)
        {
            sb.Append(module).Append('.');
        }

        sb.Append(s.Type).Append('.').Append(s.Name);
        switch (s.Index)
        {
            case int i:
                sb.Append('[').Append(i).Append(']');
                break;
            case string k:
                sb.Append("[\"").Append(k).Append("\"]");
                break;
        }

        return sb.ToString();
    }
}
