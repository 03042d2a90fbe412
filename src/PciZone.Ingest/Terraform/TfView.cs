using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>
/// <see cref="IResourceView"/> over one planned instance (or a nested block of it): planned values,
/// the parallel <c>after_unknown</c> tree, and the parallel configuration expressions.
/// </summary>
internal sealed partial class TfView : IResourceView
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = ReadOnlyDictionary<string, string>.Empty;

    private readonly JsonElement _values;
    private readonly JsonElement _unknown;
    private readonly JsonElement _expressions;
    private readonly TfContext _context;
    private readonly string _pathPrefix;
    private readonly AttributeSchema? _schema;
    private readonly AttributeSchema? _unknownSchema;
    private readonly AttributeSchema? _expressionsSchema;
    private JsonElement[]? _slots;
    private NameBits _unknownBits;
    private NameBits _expressionsBits;

    public TfView(PlanInstance instance, TfContext context, string address, Provenance provenance, JsonElement expressions)
        : this(instance.Values, instance.Unknown, expressions, context, address, instance.Type, provenance, "")
    {
        _schema = context.Schemas?.For(instance.Type);
        _unknownSchema = context.Schemas?.UnknownFor(instance.Type);
        _expressionsSchema = context.Schemas?.ExpressionsFor(instance.Type);
    }

    private TfView(JsonElement values, JsonElement unknown, JsonElement expressions, TfContext context,
        string address, string type, Provenance provenance, string pathPrefix)
    {
        _values = values;
        _unknown = unknown;
        _expressions = expressions;
        _context = context;
        Address = address;
        Type = type;
        Provenance = provenance;
        _pathPrefix = pathPrefix;
    }

    public string Address { get; }

    public string Type { get; }

    public Provenance Provenance { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Provenance At(string path) => Provenance.At(_pathPrefix + path);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Has(string path) => IsUnknown(path) || FindValue(path) is { } v && v.ValueKind != JsonValueKind.Null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsWritten(string path) => FindExpression(path) is not null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Value<string?> String(string path, string? awsDefault = null)
    {
        if (IsUnknown(path))
        {
            return UnknownAt<string?>(path);
        }

        return FindValue(path) switch
        {
            { ValueKind: JsonValueKind.String } v => Value.Of<string?>(v.GetString(), Provenance, _pathPrefix + path),
            { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => Value.Of<string?>(v.GetRawText(), Provenance, _pathPrefix + path),
            _ => Value.Default(awsDefault, Provenance),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Value<bool> Bool(string path, bool awsDefault)
    {
        if (IsUnknown(path))
        {
            return UnknownAt<bool>(path);
        }

        return FindValue(path) switch
        {
            { ValueKind: JsonValueKind.True } => Value.Of(true, Provenance, _pathPrefix + path),
            { ValueKind: JsonValueKind.False } => Value.Of(false, Provenance, _pathPrefix + path),
            { ValueKind: JsonValueKind.String } v when bool.TryParse(v.GetString(), out var b) => Value.Of(b, Provenance, _pathPrefix + path),
            null or { ValueKind: JsonValueKind.Null } => Value.Default(awsDefault, Provenance),
            _ => Value.Unknown<bool>($"{path} is not a boolean", At(path)),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Value<int> Int(string path, int awsDefault) =>
        OptionalInt(path) is var v && v.IsUnknown
            ? v.Map(static _ => 0)
            : v.Get() is { } i ? Value.Of(i, Provenance, _pathPrefix + path) : Value.Default(awsDefault, Provenance);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Value<int?> OptionalInt(string path)
    {
        if (IsUnknown(path))
        {
            return UnknownAt<int?>(path);
        }

        return FindValue(path) switch
        {
            { ValueKind: JsonValueKind.Number } v when v.TryGetDouble(out var d) => Value.Of<int?>((int)d, Provenance, _pathPrefix + path),
            { ValueKind: JsonValueKind.String } v when int.TryParse(v.GetString(), out var i) => Value.Of<int?>(i, Provenance, _pathPrefix + path),
            null or { ValueKind: JsonValueKind.Null } => Value.Default<int?>(null, Provenance),
            { ValueKind: JsonValueKind.String } v when v.GetString()!.Length == 0 => Value.Default<int?>(null, Provenance),
            _ => Value.Unknown<int?>($"{path} is not a number", At(path)),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Value<IReadOnlyList<string>> Strings(string path)
    {
        if (IsUnknown(path))
        {
            return UnknownAt<IReadOnlyList<string>>(path);
        }

        var v = FindValue(path);
        if (v is { ValueKind: JsonValueKind.String } s)
        {
            return Value.Of<IReadOnlyList<string>>([s.GetString()!], Provenance, _pathPrefix + path);
        }

        if (v is not { ValueKind: JsonValueKind.Array } arr)
        {
            return Value.Default<IReadOnlyList<string>>([], Provenance);
        }

        var list = new List<string>(arr.GetArrayLength());
        var i = 0;
        foreach (var item in arr.EnumerateArray())
        {
            if (IsUnknown($"{path}.{i}"))
            {
                return Value.Unknown<IReadOnlyList<string>>($"an element of {path} is known only after apply", At(path));
            }

            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
            else if (item.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                list.Add(item.GetRawText());
            }

            i++;
        }

        return Value.Of<IReadOnlyList<string>>(list, Provenance, _pathPrefix + path);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<IResourceView> Blocks(string path)
    {
        if (FindValue(path) is not { ValueKind: JsonValueKind.Array } arr)
        {
            return FindValue(path) is { ValueKind: JsonValueKind.Object } obj ? [Child(path, obj, 0, single: true)] : [];
        }

        var result = new List<IResourceView>(arr.GetArrayLength());
        var i = 0;
        foreach (var item in arr.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                result.Add(Child(path, item, i, single: false));
            }

            i++;
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IResourceView? Block(string path) => Blocks(path) is { Count: > 0 } b ? b[0] : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Value<ResourceRef?> Ref(string path)
    {
        var targets = ResolveTargets(path);
        if (targets.Count > 0)
        {
            return Value.Of<ResourceRef?>(ResourceRef.To(targets[0]), Provenance, _pathPrefix + path);
        }

        var literal = String(path);
        if (literal.IsUnknown)
        {
            return literal.Map<ResourceRef?>(static _ => null);
        }

        return literal.Get() is { Length: > 0 } s
            ? Value.Of<ResourceRef?>(ResourceRef.Id(s), Provenance, _pathPrefix + path)
            : Value.Default<ResourceRef?>(null, Provenance);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Value<IReadOnlyList<ResourceRef>> Refs(string path)
    {
        var targets = ResolveTargets(path);
        if (targets.Count > 0)
        {
            // Keep literal ids written beside references: the known elements of the planned list.
            // Elements produced by a reference to a not-yet-created resource are unknown and skipped;
            // one produced by a reference to an existing resource may appear twice (link and id).
            var literalsBeside = IsUnknown(path) && _pathPrefix.Length == 0 && !path.Contains('.', StringComparison.Ordinal)
                ? _context.Sources?.ListLiterals(Provenance, path) ?? []
                : KnownElements(path);
            var refs = new List<ResourceRef>(targets.Count + literalsBeside.Count);
            foreach (var t in targets)
            {
                refs.Add(ResourceRef.To(t));
            }

            for (var i = 0; i < literalsBeside.Count; i++)
            {
                refs.Add(ResourceRef.Id(literalsBeside[i]));
            }

            return Value.Of<IReadOnlyList<ResourceRef>>(refs, Provenance, _pathPrefix + path);
        }

        var literals = Strings(path);
        return literals.IsUnknown
            ? literals.Map<IReadOnlyList<ResourceRef>>(static _ => [])
            : literals.IsDefault
                ? Value.Of<IReadOnlyList<ResourceRef>>(literals.Get().Select(ResourceRef.Id).ToList(), Provenance)
                : Value.Of<IReadOnlyList<ResourceRef>>(literals.Get().Select(ResourceRef.Id).ToList(), Provenance, _pathPrefix + path);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Value<PolicyDocument?> Policy(string path)
    {
        var text = String(path);
        if (text.IsUnknown)
        {
            return text.Map<PolicyDocument?>(static _ => null);
        }

        if (string.IsNullOrWhiteSpace(text.Get()))
        {
            return Value.Default<PolicyDocument?>(null, Provenance);
        }

        var (doc, error) = _context.Policies.Parse(text.Get()!);
        return doc is not null
            ? Value.Of<PolicyDocument?>(doc, Provenance, _pathPrefix + path)
            : Value.Unknown<PolicyDocument?>(error ?? "policy cannot be parsed", At(path));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyDictionary<string, string> Tags(string path)
    {
        var tags = FindValue(path);
        if (tags is not { ValueKind: JsonValueKind.Object } && path == "tags")
        {
            tags = FindValue("tags_all");
        }

        // Most resources carry no tags: they share one empty map instead of three objects each that
        // would live as long as the estate.
        SortedDictionary<string, string>? result = null;
        if (tags is { ValueKind: JsonValueKind.Object } obj)
        {
            foreach (var p in obj.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String)
                {
                    result ??= new SortedDictionary<string, string>(StringComparer.Ordinal);
                    result[p.Name] = p.Value.GetString()!;
                }
            }
        }

        return result ?? NoTags;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<string> KnownElements(string path)
    {
        var result = new List<string>();
        if (IsUnknown(path) || FindValue(path) is not { ValueKind: JsonValueKind.Array } arr)
        {
            return result;
        }

        var i = 0;
        foreach (var item in arr.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !IsUnknown($"{path}.{i}"))
            {
                result.Add(item.GetString()!);
            }

            i++;
        }

        return result;
    }

    // Called for every reference attribute: no LINQ, and no copy of the list without a prefix.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<string> ResolveTargets(string path)
    {
        if (FindExpression(path) is not { } expr)
        {
            return [];
        }

        var targets = _context.Resolve(expr);
        var prefix = _context.AddressPrefix;
        if (prefix.Length > 0)
        {
            for (var i = 0; i < targets.Count; i++)
            {
                targets[i] = prefix + targets[i];
            }
        }

        return targets;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TfView Child(string path, JsonElement value, int index, bool single)
    {
        var unknown = single ? FindUnknown(path) : FindUnknown($"{path}.{index}");
        var expr = single ? FindExpression(path) : FindIndexed(path, index);
        return new TfView(value, unknown ?? default, expr ?? default, _context, Address, Type,
            Provenance, $"{_pathPrefix}{path}[{index}].");
    }

}
