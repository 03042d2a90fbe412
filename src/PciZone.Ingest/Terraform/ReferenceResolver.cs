using System.Text.Json;

namespace PciZone.Ingest.Terraform;

/// <summary>
/// Resolves configuration expression references (<c>aws_s3_bucket.b.id</c>, <c>var.x</c>,
/// <c>module.m.out</c>) to the instance addresses of planned resources. This is how companions find
/// their primary when ids are unknown until apply.
/// </summary>
internal sealed class ReferenceResolver
{
    private const int MaxHops = 16;
    private static readonly string[] NonResourceRoots = ["data", "local", "each", "count", "path", "terraform", "self"];

    private readonly ConfigIndex _config;
    private readonly Dictionary<string, List<PlanInstance>> _byModuleAndName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _moduleInstances;

    public ReferenceResolver(ConfigIndex config, IEnumerable<PlanInstance> instances)
    {
        _config = config;
        foreach (var i in instances)
        {
            var key = $"{i.ModuleInstance}|{i.Type}.{i.Name}";
            if (!_byModuleAndName.TryGetValue(key, out var list))
            {
                _byModuleAndName[key] = list = [];
            }

            list.Add(i);
        }

        // module.a[0] and module.a["x"] are instances of module.a: index them by the un-indexed prefix.
        _moduleInstances = _byModuleAndName.Values.SelectMany(l => l).Select(i => i.ModuleInstance).Where(m => m.Length > 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .GroupBy(m => m.EndsWith(']') ? m[..m.LastIndexOf('[')] : m, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>Instance addresses an expression refers to, in order, without duplicates.</summary>
    public List<string> Resolve(JsonElement expression, string moduleInstance, string configPath, string? indexKey, string? self = null)
    {
        var result = new List<string>();
        Resolve(expression, moduleInstance, configPath, indexKey, result, 0, self);
        return result;
    }

    private void Resolve(JsonElement expression, string moduleInstance, string configPath, string? indexKey, List<string> result, int hops, string? self = null)
    {
        if (hops > MaxHops || expression.ValueKind != JsonValueKind.Object ||
            !expression.TryGetProperty("references", out var refs) || refs.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var r in refs.EnumerateArray())
        {
            if (r.GetString() is not { } text)
            {
                continue;
            }

            var parts = text.Split('.');
            var root = parts[0];
            if (root == "each" && parts.Length > 1 && parts[1] == "value" && self is not null &&
                _config.Module(configPath)?.ForEach.TryGetValue(self, out var forEach) == true)
            {
                // for_each = aws_s3_bucket.b with bucket = each.value.id: the instance with the same key.
                Resolve(forEach, moduleInstance, configPath, indexKey, result, hops + 1);
            }
            else if (root == "var" && parts.Length > 1)
            {
                ResolveVariable(parts[1], moduleInstance, configPath, indexKey, result, hops);
            }
            else if (root == "module" && parts.Length > 2)
            {
                var call = StripIndex(parts[1], out var callIndex);
                ResolveOutput(call, callIndex, StripIndex(parts[2]), moduleInstance, configPath, indexKey, result, hops);
            }
            else if (parts.Length > 1 && !NonResourceRoots.Contains(root))
            {
                ResolveResource(root, parts[1], moduleInstance, indexKey, result);
            }
        }
    }

    private void ResolveResource(string type, string nameWithIndex, string moduleInstance, string? indexKey, List<string> result)
    {
        var name = StripIndex(nameWithIndex, out var explicitIndex);
        if (!_byModuleAndName.TryGetValue($"{moduleInstance}|{type}.{name}", out var candidates))
        {
            return;
        }

        PlanInstance? target = explicitIndex is not null
            ? candidates.FirstOrDefault(c => c.IndexKey == explicitIndex)
            : candidates.Count == 1
                ? candidates[0]
                : candidates.FirstOrDefault(c => c.IndexKey is not null && c.IndexKey == indexKey);
        if (target is not null && !result.Contains(target.Address))
        {
            result.Add(target.Address);
        }
    }

    private void ResolveVariable(string variable, string moduleInstance, string configPath, string? indexKey, List<string> result, int hops)
    {
        var module = _config.Module(configPath);
        if (module?.ParentPath is null || module.CallName is null)
        {
            return;
        }

        var parent = _config.Module(module.ParentPath);
        if (parent is null || !parent.CallInputs.TryGetValue(module.CallName, out var inputs) ||
            !inputs.TryGetProperty(variable, out var expr))
        {
            return;
        }

        Resolve(expr, ParentInstance(moduleInstance), module.ParentPath, indexKey, result, hops + 1);
    }

    private void ResolveOutput(string call, string? callIndex, string output, string moduleInstance, string configPath, string? indexKey, List<string> result, int hops)
    {
        var childPath = configPath.Length == 0 ? call : $"{configPath}.{call}";
        var child = _config.Module(childPath);
        if (child is null || !child.Outputs.TryGetValue(output, out var expr))
        {
            return;
        }

        var prefix = moduleInstance.Length == 0 ? $"module.{call}" : $"{moduleInstance}.module.{call}";
        // A module with count/for_each has instances module.m[0] ...; resolve into each one that exists.
        var instances = callIndex is not null
            ? [$"{prefix}[{callIndex}]"]
            : _moduleInstances.GetValueOrDefault(prefix) ?? [];
        foreach (var instance in instances.Count > 0 ? instances : [prefix])
        {
            Resolve(expr, instance, childPath, indexKey, result, hops + 1);
        }
    }

    private static string ParentInstance(string moduleInstance)
    {
        var steps = AddressParser.SplitModules(moduleInstance).ToList();
        return string.Join('.', steps.Take(steps.Count - 1).Select(s => s.Index is null ? $"module.{s.Name}" : $"module.{s.Name}[{s.Index}]"));
    }

    private static string StripIndex(string name) => StripIndex(name, out _);

    private static string StripIndex(string name, out string? index)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            index = null;
            return name;
        }

        var key = name[(open + 1)..AddressParser.IndexEnd(name, open)];
        // Only a literal key names an instance; [count.index] or [each.key] is decided per instance.
        index = key.Length > 0 && (char.IsDigit(key[0]) || key[0] == '"') ? key : null;
        return name[..open];
    }
}
