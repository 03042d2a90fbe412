using System.Text.Json;

namespace PciZone.Ingest.Terraform;

/// <summary>
/// Dot-path navigation over plan JSON. A step into a list takes the numbered element when the step
/// is a number, else the first element: Terraform nested blocks are lists even when at most one is allowed.
/// </summary>
internal static class TfPath
{
    public static JsonElement? Find(JsonElement root, string path, bool firstElementOfLists = true)
    {
        _ = firstElementOfLists;
        if (root.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        var current = root;
        foreach (var segment in path.Split('.'))
        {
            if (!Step(ref current, segment))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>True when after_unknown marks the path, or any parent of it, as unknown.</summary>
    public static bool IsUnknown(JsonElement unknownRoot, string path)
    {
        if (unknownRoot.ValueKind == JsonValueKind.True)
        {
            return true;
        }

        if (unknownRoot.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return false;
        }

        var current = unknownRoot;
        foreach (var segment in path.Split('.'))
        {
            if (!Step(ref current, segment))
            {
                return false;
            }

            if (current.ValueKind == JsonValueKind.True)
            {
                return true;
            }
        }

        return current.ValueKind == JsonValueKind.True;
    }

    private static bool Step(ref JsonElement current, string segment)
    {
        if (current.ValueKind == JsonValueKind.Array)
        {
            var isIndex = int.TryParse(segment, out var index);
            if (isIndex)
            {
                if (index >= current.GetArrayLength())
                {
                    return false;
                }

                current = current[index];
                return true;
            }

            if (current.GetArrayLength() == 0)
            {
                return false;
            }

            current = current[0];
        }

        if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out var next))
        {
            return false;
        }

        current = next;
        return true;
    }
}

/// <summary>What a view needs to resolve references for its instance.</summary>
internal sealed class TfContext
{
    private readonly ReferenceResolver _resolver;
    private readonly PlanInstance _instance;

    public TfContext(ReferenceResolver resolver, PlanInstance instance, string addressPrefix, SourceLiterals? sources = null)
    {
        Sources = sources;
        _resolver = resolver;
        _instance = instance;
        AddressPrefix = addressPrefix;
    }

    public string AddressPrefix { get; }

    /// <summary>Reads literals from .tf sources when the plan hides them; null when sources are not consulted.</summary>
    public SourceLiterals? Sources { get; }

    public List<string> Resolve(JsonElement expression) =>
        _resolver.Resolve(expression, _instance.ModuleInstance, _instance.ConfigPath, _instance.IndexKey, $"{_instance.Type}.{_instance.Name}");
}
