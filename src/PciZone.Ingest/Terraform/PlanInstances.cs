using System.Text.Json;
using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>One resource instance of a plan: planned values, which of them are unknown, and where it sits.</summary>
internal sealed record PlanInstance(
    string Address,
    string ModuleInstance,
    string ConfigPath,
    string Type,
    string Name,
    string? IndexKey,
    JsonElement Values,
    JsonElement Unknown,
    bool FromPriorState);

/// <summary>
/// Walks <c>planned_values</c> (or a state's <c>values</c>) and <c>prior_state</c> into instances of
/// managed resources, with <c>after_unknown</c> from <c>resource_changes</c>. Resources that the
/// plan deletes are left out: they are not part of the estate after apply.
/// </summary>
internal static class PlanInstances
{
    public static List<PlanInstance> Collect(JsonElement root)
    {
        var unknown = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        if (root.TryGetProperty("resource_changes", out var changes) && changes.ValueKind == JsonValueKind.Array)
        {
            foreach (var rc in changes.EnumerateArray())
            {
                if (!rc.TryGetProperty("address", out var a) || !rc.TryGetProperty("change", out var change))
                {
                    continue;
                }

                var address = a.GetString() ?? "";
                if (change.TryGetProperty("after_unknown", out var au))
                {
                    unknown[address] = au;
                }

                if (change.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array &&
                    actions.GetArrayLength() == 1 && actions[0].GetString() == "delete")
                {
                    deleted.Add(address);
                }
            }
        }

        var result = new List<PlanInstance>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (root.TryGetProperty("planned_values", out var planned))
        {
            Walk(planned, unknown, deleted, seen, result, fromPrior: false);
        }
        else if (root.TryGetProperty("values", out var stateValues))
        {
            Walk(stateValues, unknown, deleted, seen, result, fromPrior: false);
        }

        if (root.TryGetProperty("prior_state", out var prior) && prior.TryGetProperty("values", out var priorValues))
        {
            Walk(priorValues, unknown, deleted, seen, result, fromPrior: true);
        }

        return result;
    }

    private static void Walk(JsonElement values, Dictionary<string, JsonElement> unknown, HashSet<string> deleted,
        HashSet<string> seen, List<PlanInstance> result, bool fromPrior)
    {
        if (values.ValueKind == JsonValueKind.Object && values.TryGetProperty("root_module", out var root))
        {
            WalkModule(root, "", unknown, deleted, seen, result, fromPrior);
        }
    }

    private static void WalkModule(JsonElement module, string moduleInstance, Dictionary<string, JsonElement> unknown,
        HashSet<string> deleted, HashSet<string> seen, List<PlanInstance> result, bool fromPrior)
    {
        if (module.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in resources.EnumerateArray())
            {
                var address = Str(r, "address");
                if (Str(r, "mode") != "managed" || address.Length == 0 || deleted.Contains(address) || !seen.Add(address))
                {
                    continue;
                }

                r.TryGetProperty("values", out var vals);
                result.Add(new PlanInstance(
                    address,
                    moduleInstance,
                    ConfigPath(moduleInstance),
                    Str(r, "type"),
                    Str(r, "name"),
                    r.TryGetProperty("index", out var idx) ? idx.GetRawText() : null,
                    vals,
                    unknown.GetValueOrDefault(address),
                    fromPrior));
            }
        }

        if (module.TryGetProperty("child_modules", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in children.EnumerateArray())
            {
                WalkModule(child, Str(child, "address"), unknown, deleted, seen, result, fromPrior);
            }
        }
    }

    /// <summary>Module instance address to configuration path: <c>module.a["x"].module.b[0]</c> to <c>a.b</c>.</summary>
    public static string ConfigPath(string moduleInstance)
    {
        if (moduleInstance.Length == 0)
        {
            return "";
        }

        var parts = new List<string>();
        foreach (var segment in AddressParser.SplitModules(moduleInstance))
        {
            parts.Add(segment.Name);
        }

        return string.Join('.', parts);
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}

/// <summary>Parsing of Terraform addresses and references.</summary>
internal static class AddressParser
{
    /// <summary>One <c>module.NAME[INDEX]</c> step.</summary>
    public readonly record struct ModuleStep(string Name, string? Index);

    /// <summary>Splits <c>module.a["x"].module.b</c> into steps.</summary>
    public static IEnumerable<ModuleStep> SplitModules(string moduleInstance)
    {
        var i = 0;
        while (i < moduleInstance.Length)
        {
            if (!moduleInstance.AsSpan(i).StartsWith("module.", StringComparison.Ordinal))
            {
                yield break;
            }

            i += "module.".Length;
            var start = i;
            while (i < moduleInstance.Length && moduleInstance[i] != '.' && moduleInstance[i] != '[')
            {
                i++;
            }

            var name = moduleInstance[start..i];
            string? index = null;
            if (i < moduleInstance.Length && moduleInstance[i] == '[')
            {
                var end = IndexEnd(moduleInstance, i);
                index = moduleInstance[(i + 1)..end];
                i = end + 1;
            }

            yield return new ModuleStep(name, index);
            if (i < moduleInstance.Length && moduleInstance[i] == '.')
            {
                i++;
            }
        }
    }

    /// <summary>Position of the ']' closing the '[' at <paramref name="open"/>, minding quoted keys.</summary>
    public static int IndexEnd(string s, int open)
    {
        var inQuote = false;
        for (var i = open + 1; i < s.Length; i++)
        {
            if (s[i] == '"' && s[i - 1] != '\\')
            {
                inQuote = !inQuote;
            }
            else if (s[i] == ']' && !inQuote)
            {
                return i;
            }
        }

        return s.Length - 1;
    }
}
