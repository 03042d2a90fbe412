using System.Runtime.CompilerServices;
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

    private readonly ConfigIndex _config;

    /// <summary>Module instance address, then resource config address (<c>type.name</c>), to its instances.</summary>
    private readonly Dictionary<string, Dictionary<string, List<PlanInstance>>> _byModuleAndName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _moduleInstances;

    // Reference texts (aws_s3_bucket.b.id) repeat in every instance of a module: read them shared.
    private readonly Utf8Interner _texts = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReferenceResolver(ConfigIndex config, IEnumerable<PlanInstance> instances)
    {
        _config = config;
        // The walk yields a module's instances together, and a counted resource's instances in a row.
        Dictionary<string, List<PlanInstance>>? module = null;
        List<PlanInstance>? list = null;
        string? lastModule = null, lastResource = null;
        foreach (var i in instances)
        {
            if (!ReferenceEquals(i.ModuleInstance, lastModule))
            {
                lastModule = i.ModuleInstance;
                lastResource = null;
                if (!_byModuleAndName.TryGetValue(lastModule, out module))
                {
                    _byModuleAndName[lastModule] = module = new Dictionary<string, List<PlanInstance>>(StringComparer.Ordinal);
                }
            }

            if (!ReferenceEquals(i.ConfigAddress, lastResource))
            {
                lastResource = i.ConfigAddress;
                if (!module!.TryGetValue(lastResource, out list))
                {
                    module[lastResource] = list = new List<PlanInstance>(1);
                }
            }

            list!.Add(i);
        }

        // module.a[0] and module.a["x"] are instances of module.a: index them by the un-indexed prefix.
        _moduleInstances = _byModuleAndName.Keys.Where(m => m.Length > 0).Order(StringComparer.Ordinal)
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Resolve(JsonElement expression, string moduleInstance, string configPath, string? indexKey, List<string> result, int hops, string? self = null)
    {
        if (hops > MaxHops || expression.ValueKind != JsonValueKind.Object ||
            !expression.TryGetProperty("references"u8, out var refs) || refs.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var r in refs.EnumerateArray())
        {
            var text = _texts.String(r);

            // Split at dots as text.Split('.') would, but only the first three parts are ever read.
            var dot1 = text.IndexOf('.', StringComparison.Ordinal);
            if (dot1 < 0)
            {
                continue;
            }

            var root = text.AsSpan(0, dot1);
            var rest = text.AsSpan(dot1 + 1);
            var dot2 = rest.IndexOf('.');
            var second = dot2 < 0 ? rest : rest[..dot2];
            if (root is "each" && second is "value" && self is not null &&
                _config.Module(configPath)?.ForEach.TryGetValue(self, out var forEach) == true)
            {
                // for_each = aws_s3_bucket.b with bucket = each.value.id: the instance with the same key.
                Resolve(forEach, moduleInstance, configPath, indexKey, result, hops + 1);
            }
            else if (root is "var")
            {
                ResolveVariable(second.ToString(), moduleInstance, configPath, indexKey, result, hops);
            }
            else if (root is "module")
            {
                if (dot2 >= 0)
                {
                    var third = rest[(dot2 + 1)..];
                    var dot3 = third.IndexOf('.');
                    var call = StripIndex(second.ToString(), out var callIndex);
                    ResolveOutput(call, callIndex, StripIndex((dot3 < 0 ? third : third[..dot3]).ToString()), moduleInstance, configPath, indexKey, result, hops);
                }
            }
            else if (!IsNonResourceRoot(root))
            {
                ResolveResource(text.AsSpan(0, dot1 + 1 + second.Length), dot1 + 1, moduleInstance, indexKey, result);
            }
        }
    }

    private static bool IsNonResourceRoot(ReadOnlySpan<char> root) =>
        root is "data" or "local" or "each" or "count" or "path" or "terraform" or "self";

    /// <summary>Resolves <c>type.name</c> or <c>type.name[key]</c> (the name starting at <paramref name="nameStart"/>) in the module instance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ResolveResource(ReadOnlySpan<char> resource, int nameStart, string moduleInstance, string? indexKey, List<string> result)
    {
        var open = resource[nameStart..].IndexOf('[');
        open = open < 0 ? -1 : nameStart + open;
        if (!_byModuleAndName.TryGetValue(moduleInstance, out var module) ||
            !module.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(open < 0 ? resource : resource[..open], out var candidates))
        {
            return;
        }

        var key = open < 0 ? default : resource[(open + 1)..AddressParser.IndexEnd(resource, open)];
        // Only a literal key names an instance; [count.index] or [each.key] is decided per instance.
        var target = key.Length > 0 && (char.IsDigit(key[0]) || key[0] == '"')
            ? WithKey(candidates, key)
            : candidates.Count == 1
                ? candidates[0]
                : WithIndexKey(candidates, indexKey);
        if (target is not null && !result.Contains(target.Address))
        {
            result.Add(target.Address);
        }
    }

    // A loop rather than a lambda: a lambda over indexKey would allocate a closure on every call of
    // ResolveResource, which runs once per reference in the plan.
    private static PlanInstance? WithIndexKey(List<PlanInstance> candidates, string? indexKey)
    {
        foreach (var c in candidates)
        {
            if (c.IndexKey is not null && c.IndexKey == indexKey)
            {
                return c;
            }
        }

        return null;
    }

    private static PlanInstance? WithKey(List<PlanInstance> candidates, ReadOnlySpan<char> key)
    {
        foreach (var c in candidates)
        {
            if (c.IndexKey is not null && c.IndexKey.AsSpan().SequenceEqual(key))
            {
                return c;
            }
        }

        return null;
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
        if (!moduleInstance.Contains('"', StringComparison.Ordinal))
        {
            // No quoted keys, so no dot inside an index: the parent is everything before the last step.
            var last = moduleInstance.LastIndexOf(".module.", StringComparison.Ordinal);
            return last < 0 ? "" : moduleInstance[..last];
        }

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
