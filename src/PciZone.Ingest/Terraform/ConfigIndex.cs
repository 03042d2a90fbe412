using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PciZone.Ingest.Terraform;

/// <summary>One module of the plan's <c>configuration</c> section.</summary>
internal sealed class ModuleConfig
{
    public ModuleConfig(int resources = 0) => Resources = new(resources, StringComparer.Ordinal);

    public required string Path { get; init; }

    public string? ParentPath { get; init; }

    public string? CallName { get; init; }

    /// <summary>Directory of the module's .tf files, when it can be found on disk.</summary>
    public string? SourceDir { get; init; }

    /// <summary>Resource config address (<c>aws_s3_bucket.b</c>) to its <c>expressions</c> object.</summary>
    public Dictionary<string, JsonElement> Resources { get; }

    /// <summary>Resource config address to its <c>for_each_expression</c>, for <c>each.value</c> references.</summary>
    public Dictionary<string, JsonElement> ForEach { get; } = new(StringComparer.Ordinal);

    /// <summary>Module call name to the call's <c>expressions</c> (input variables).</summary>
    public Dictionary<string, JsonElement> CallInputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Output name to its <c>expression</c>.</summary>
    public Dictionary<string, JsonElement> Outputs { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The configuration section indexed by module path, used to resolve expression references: the
/// only place a plan says which resource another resource points at when ids are unknown.
/// </summary>
internal sealed class ConfigIndex
{
    private readonly Dictionary<string, ModuleConfig> _modules = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), string> _dirs = [];

    public ConfigIndex(JsonElement root, string? planDirectory)
    {
        if (root.TryGetProperty("configuration", out var config) && config.TryGetProperty("root_module", out var rootModule))
        {
            Index(rootModule, "", null, null, planDirectory);
        }
    }

    public ModuleConfig? Module(string path) => _modules.GetValueOrDefault(path);

    /// <summary>The expressions of a resource, or an undefined element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public JsonElement Expressions(string modulePath, string type, string name)
    {
        if (!_modules.TryGetValue(modulePath, out var m))
        {
            return default;
        }

        // Looked up once per instance: the "type.name" key is put together on the stack, not the heap.
        var length = type.Length + 1 + name.Length;
        var key = length <= 256 ? stackalloc char[length] : new char[length];
        type.CopyTo(key);
        key[type.Length] = '.';
        name.CopyTo(key[(type.Length + 1)..]);
        return m.Resources.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var e) ? e : default;
    }

    /// <summary>The expressions of a resource by its config address (<c>type.name</c>), or an undefined element.</summary>
    public JsonElement Expressions(string modulePath, string configAddress) =>
        _modules.TryGetValue(modulePath, out var m) && m.Resources.TryGetValue(configAddress, out var e) ? e : default;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Index(JsonElement module, string path, string? parent, string? callName, string? dir)
    {
        module.TryGetProperty("resources"u8, out var resources);
        var hasResources = resources.ValueKind == JsonValueKind.Array;
        var mc = new ModuleConfig(hasResources ? resources.GetArrayLength() : 0)
        {
            Path = path, ParentPath = parent, CallName = callName, SourceDir = dir,
        };
        _modules[path] = mc;
        if (hasResources)
        {
            foreach (var r in resources.EnumerateArray())
            {
                var c = ConfigResource.Read(r);
                if (c.Mode.ValueKind == JsonValueKind.String && c.Mode.ValueEquals("managed"u8) &&
                    c.Address.ValueKind is JsonValueKind.String or JsonValueKind.Null && c.Expressions.ValueKind != JsonValueKind.Undefined)
                {
                    var address = c.Address.GetString() ?? "";
                    mc.Resources[address] = c.Expressions;
                    if (c.ForEach.ValueKind != JsonValueKind.Undefined)
                    {
                        mc.ForEach[address] = c.ForEach;
                    }
                }
            }
        }

        if (module.TryGetProperty("outputs"u8, out var outputs) && outputs.ValueKind == JsonValueKind.Object)
        {
            foreach (var o in outputs.EnumerateObject())
            {
                if (o.Value.TryGetProperty("expression"u8, out var oe))
                {
                    mc.Outputs[o.Name] = oe;
                }
            }
        }

        if (module.TryGetProperty("module_calls"u8, out var calls) && calls.ValueKind == JsonValueKind.Object)
        {
            foreach (var call in calls.EnumerateObject())
            {
                if (call.Value.TryGetProperty("expressions"u8, out var inputs))
                {
                    mc.CallInputs[call.Name] = inputs;
                }

                var childDir = ChildDir(dir, call.Value, _dirs);
                if (call.Value.TryGetProperty("module"u8, out var child))
                {
                    Index(child, path.Length == 0 ? call.Name : $"{path}.{call.Name}", path, call.Name, childDir);
                }
            }
        }
    }

    private static string? ChildDir(string? dir, JsonElement call, Dictionary<(string, string), string> dirs)
    {
        if (dir is null || !call.TryGetProperty("source"u8, out var s) || s.GetString() is not { } source)
        {
            return null;
        }

        // Only local sources have .tf files we can point at; registry and git modules do not.
        if (!source.StartsWith("./", StringComparison.Ordinal) && !source.StartsWith("../", StringComparison.Ordinal))
        {
            return null;
        }

        // A module called many times resolves to the same directory each time: work it out once.
        if (!dirs.TryGetValue((dir, source), out var full))
        {
            dirs[(dir, source)] = full = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, source));
        }

        return full;
    }

    /// <summary>The properties of a configuration resource that the index reads, found in one pass.</summary>
    private readonly record struct ConfigResource(JsonElement Mode, JsonElement Address, JsonElement Expressions, JsonElement ForEach)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static ConfigResource Read(JsonElement r)
        {
            JsonElement mode = default, address = default, expressions = default, forEach = default;
            foreach (var p in r.EnumerateObject())
            {
                var n = JsonNames.Of(p);
                if (n.SequenceEqual("mode"u8))
                {
                    mode = p.Value;
                }
                else if (n.SequenceEqual("address"u8))
                {
                    address = p.Value;
                }
                else if (n.SequenceEqual("expressions"u8))
                {
                    expressions = p.Value;
                }
                else if (n.SequenceEqual("for_each_expression"u8))
                {
                    forEach = p.Value;
                }
            }

            return new ConfigResource(mode, address, expressions, forEach);
        }
    }
}
