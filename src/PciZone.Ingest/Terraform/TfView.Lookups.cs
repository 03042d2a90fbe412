using System.Runtime.CompilerServices;
using System.Text.Json;
using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>Lookups into the three parallel trees of a view: planned values, after_unknown, expressions.</summary>
internal sealed partial class TfView
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsUnknown(string path)
    {
        if (_unknownSchema is null || _unknown.ValueKind != JsonValueKind.Object || path.Length == 0)
        {
            return TfPath.IsUnknown(_unknown, path);
        }

        if (!_unknownBits.Filled)
        {
            _unknownSchema.Mark(_unknown, ref _unknownBits);
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (!_unknownSchema.MayHold(_unknownBits, dot < 0 ? path.AsSpan() : path.AsSpan(0, dot), out var isTrue))
        {
            return false;
        }

        return isTrue || (dot >= 0 || _unknownBits.Overflow) && TfPath.IsUnknown(_unknown, path);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private JsonElement? FindUnknown(string path) => FindTop(_unknownSchema, ref _unknownBits, _unknown, path);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private JsonElement? FindExpression(string path) => FindTop(_expressionsSchema, ref _expressionsBits, _expressions, path);

    // after_unknown (up to fifty keys) and the expressions of a top-level view are looked up for
    // every attribute read, and most lookups miss: the view marks which names each holds, once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static JsonElement? FindTop(AttributeSchema? schema, ref NameBits bits, JsonElement root, string path)
    {
        if (schema is null || root.ValueKind != JsonValueKind.Object || path.Length == 0)
        {
            return Find(root, path);
        }

        if (!bits.Filled)
        {
            schema.Mark(root, ref bits);
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return schema.MayHold(bits, dot < 0 ? path.AsSpan() : path.AsSpan(0, dot), out _) ? Find(root, path) : null;
    }

    // A top-level attribute's note is shared by every instance; a nested block's path differs per view.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Value<T> UnknownAt<T>(string path) => _pathPrefix.Length == 0
        ? Value.Unknown<T>(_context.Unknowns.For(path), Provenance)
        : Value.Unknown<T>(new UnknownAttribute(_context.Unknowns.For(path).Reason, _pathPrefix + path), Provenance);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static JsonElement? Find(JsonElement root, string path) => TfPath.Find(root, path);

    // Top-level attributes go through the type's slot table (filled on first use, again if another
    // view of the type has filled the shared buffer since); nested views and inputs without a schema
    // walk the JSON.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private JsonElement? FindValue(string path)
    {
        if (_schema is null || _values.ValueKind != JsonValueKind.Object)
        {
            return Find(_values, path);
        }

        if (_slots is null || !_schema.Holds(_slots, this))
        {
            _slots = _schema.Fill(_values, this);
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var first = dot < 0 ? path.AsSpan() : path.AsSpan(0, dot);
        var slot = _schema.SlotOf(first);
        if (slot < 0 || slot >= _slots.Length || _slots[slot].ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        return dot < 0 ? _slots[slot] : TfPath.Find(_slots[slot], path.AsSpan(dot + 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private JsonElement? FindIndexed(string path, int index) =>
        FindExpression(path) is { ValueKind: JsonValueKind.Array } a && index < a.GetArrayLength()
            ? a[index]
            : null;
}
