using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PciZone.Ingest.Terraform;

/// <summary>
/// Dot-path navigation over plan JSON. A step into a list takes the numbered element when the step
/// is a number, else the first element: Terraform nested blocks are lists even when at most one is allowed.
/// </summary>
internal static class TfPath
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static JsonElement? Find(JsonElement root, string path) => Find(root, path.AsSpan());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static JsonElement? Find(JsonElement root, ReadOnlySpan<char> path)
    {
        if (root.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        var current = root;
        var rest = path;
        while (NextSegment(ref rest, out var segment))
        {
            if (!Step(ref current, segment))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>True when after_unknown marks the path, or any parent of it, as unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        var rest = path.AsSpan();
        while (NextSegment(ref rest, out var segment))
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

    // Paths are walked without splitting into strings: this runs for every attribute of every resource.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool NextSegment(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> segment)
    {
        if (rest.IsEmpty)
        {
            segment = default;
            return false;
        }

        var dot = rest.IndexOf('.');
        segment = dot < 0 ? rest : rest[..dot];
        rest = dot < 0 ? default : rest[(dot + 1)..];
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Step(ref JsonElement current, ReadOnlySpan<char> segment)
    {
        if (current.ValueKind == JsonValueKind.Array)
        {
            if (int.TryParse(segment, out var index))
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

    public TfContext(ReferenceResolver resolver, PlanInstance instance, string addressPrefix, SourceLiterals? sources = null,
        PolicyCache? policies = null, AttributeSchemas? schemas = null, UnknownNotes? unknowns = null)
    {
        Unknowns = unknowns ?? new UnknownNotes();
        Schemas = schemas;
        Policies = policies ?? new PolicyCache();
        Sources = sources;
        _resolver = resolver;
        _instance = instance;
        AddressPrefix = addressPrefix;
    }

    public string AddressPrefix { get; }

    /// <summary>Reads literals from .tf sources when the plan hides them; null when sources are not consulted.</summary>
    public SourceLiterals? Sources { get; }

    /// <summary>Attribute slot tables per resource type; null to walk the JSON directly.</summary>
    public AttributeSchemas? Schemas { get; }

    /// <summary>The unknown-attribute notes of this plan, by path.</summary>
    public UnknownNotes Unknowns { get; }

    /// <summary>Parsed policy documents of this plan, by text.</summary>
    public PolicyCache Policies { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<string> Resolve(JsonElement expression) =>
        _resolver.Resolve(expression, _instance.ModuleInstance, _instance.ConfigPath, _instance.IndexKey, _instance.ConfigAddress);
}
