using System.Text.Json;

namespace PciZone.Ingest.Terraform;

/// <summary>One module of the plan's <c>configuration</c> section.</summary>
internal sealed class ModuleConfig
{
    public required string Path { get; init; }

    public string? ParentPath { get; init; }

    public string? CallName { get; init; }

    /// <summary>Directory of the module's .tf files, when it can be found on disk.</summary>
    public string? SourceDir { get; init; }

    /// <summary>Resource config address (<c>aws_s3_bucket.b</c>) to its <c>expressions</c> object.</summary>
    public Dictionary<string, JsonElement> Resources { get; } = new(StringComparer.Ordinal);

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

    public ConfigIndex(JsonElement root, string? planDirectory)
    {
        if (root.TryGetProperty("configuration", out var config) && config.TryGetProperty("root_module", out var rootModule))
        {
            Index(rootModule, "", null, null, planDirectory);
        }
    }

    public ModuleConfig? Module(string path) => _modules.GetValueOrDefault(path);

    /// <summary>The expressions of a resource, or an undefined element.</summary>
    public JsonElement Expressions(string modulePath, string type, string name) =>
        _modules.TryGetValue(modulePath, out var m) && m.Resources.TryGetValue($"{type}.{name}", out var e) ? e : default;

    private void Index(JsonElement module, string path, string? parent, string? callName, string? dir)
    {
        var mc = new ModuleConfig { Path = path, ParentPath = parent, CallName = callName, SourceDir = dir };
        _modules[path] = mc;
        if (module.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in resources.EnumerateArray())
            {
                if (r.TryGetProperty("mode", out var mode) && mode.GetString() == "managed" &&
                    r.TryGetProperty("address", out var a) && r.TryGetProperty("expressions", out var expr))
                {
                    mc.Resources[a.GetString() ?? ""] = expr;
                    if (r.TryGetProperty("for_each_expression", out var fe))
                    {
                        mc.ForEach[a.GetString() ?? ""] = fe;
                    }
                }
            }
        }

        if (module.TryGetProperty("outputs", out var outputs) && outputs.ValueKind == JsonValueKind.Object)
        {
            foreach (var o in outputs.EnumerateObject())
            {
                if (o.Value.TryGetProperty("expression", out var oe))
                {
                    mc.Outputs[o.Name] = oe;
                }
            }
        }

        if (module.TryGetProperty("module_calls", out var calls) && calls.ValueKind == JsonValueKind.Object)
        {
            foreach (var call in calls.EnumerateObject())
            {
                if (call.Value.TryGetProperty("expressions", out var inputs))
                {
                    mc.CallInputs[call.Name] = inputs;
                }

                var childDir = ChildDir(dir, call.Value);
                if (call.Value.TryGetProperty("module", out var child))
                {
                    Index(child, path.Length == 0 ? call.Name : $"{path}.{call.Name}", path, call.Name, childDir);
                }
            }
        }
    }

    private static string? ChildDir(string? dir, JsonElement call)
    {
        if (dir is null || !call.TryGetProperty("source", out var s) || s.GetString() is not { } source)
        {
            return null;
        }

        // Only local sources have .tf files we can point at; registry and git modules do not.
        return source.StartsWith("./", StringComparison.Ordinal) || source.StartsWith("../", StringComparison.Ordinal)
            ? System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, source))
            : null;
    }
}
