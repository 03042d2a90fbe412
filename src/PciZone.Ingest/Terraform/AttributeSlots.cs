using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace PciZone.Ingest.Terraform;

/// <summary>
/// The top-level attribute names of one resource type, learnt from the plan. Terraform writes a
/// type's attributes in the same (schema) order for every instance, so filling an instance's slots
/// is one pass of byte comparisons, and every later lookup is a hash of the name instead of a scan
/// of sixty properties.
/// </summary>
internal sealed class AttributeSchema
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byName;
    private readonly List<byte[]> _names = [];
    private JsonElement[] _scratch = [];
    private object? _scratchOwner;

    public AttributeSchema() => _byName = _index.GetAlternateLookup<ReadOnlySpan<char>>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int SlotOf(ReadOnlySpan<char> name) => _byName.TryGetValue(name, out var slot) ? slot : -1;

    /// <summary>
    /// Records which of the type's names <paramref name="obj"/> holds, and which of them are
    /// <c>true</c>: one pass over the object, no allocation. Lookups that miss then cost a hash.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Mark(JsonElement obj, ref NameBits bits)
    {
        bits.Filled = true;
        var next = 0;
        foreach (var p in obj.EnumerateObject())
        {
            var slot = Learn(p, next);
            if (slot >= NameBits.Capacity)
            {
                bits.Overflow = true;
                return;
            }

            var bit = 1UL << slot;
            bits.Present |= bit;
            bits.True = p.Value.ValueKind == JsonValueKind.True ? bits.True | bit : bits.True & ~bit;
            next = slot + 1;
        }
    }

    /// <summary>False only when <paramref name="bits"/> prove the marked object lacks the name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MayHold(in NameBits bits, ReadOnlySpan<char> name, out bool isTrue)
    {
        isTrue = false;
        if (bits.Overflow)
        {
            return true;
        }

        var slot = SlotOf(name);
        if (slot < 0 || slot >= NameBits.Capacity || (bits.Present & (1UL << slot)) == 0)
        {
            return false;
        }

        isTrue = (bits.True & (1UL << slot)) != 0;
        return true;
    }

    /// <summary>
    /// The object's properties by slot, in a buffer of this schema that the next call, for any
    /// owner, overwrites: views are mapped one after another, so one buffer per type serves all of
    /// them instead of an array per instance. <see cref="Holds"/> tells an owner whether its fill
    /// is still there. An Undefined element means absent.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public JsonElement[] Fill(JsonElement obj, object owner)
    {
        var slots = _scratch.Length >= Math.Max(_names.Count, 1) ? _scratch : new JsonElement[Math.Max(_names.Count, 1)];
        Array.Clear(slots);
        var next = 0;
        foreach (var p in obj.EnumerateObject())
        {
            var slot = Learn(p, next);
            if (slot >= slots.Length)
            {
                Array.Resize(ref slots, Math.Max(_names.Count, slot + 1));
            }

            slots[slot] = p.Value;
            next = slot + 1;
        }

        _scratch = slots;
        _scratchOwner = owner;
        return slots;
    }

    /// <summary>True while <paramref name="slots"/> is still <paramref name="owner"/>'s fill.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Holds(JsonElement[] slots, object owner) => ReferenceEquals(_scratchOwner, owner) && ReferenceEquals(_scratch, slots);

    // Terraform writes keys sorted, so an object holding a subset of the names (after_unknown,
    // expressions) finds each one by walking forward from the previous match, without a string.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Learn(JsonProperty p, int next)
    {
        // Plain byte comparisons of the raw name: NameEquals re-reads the document row and checks
        // for escapes on every call, and this loop runs for every attribute of every instance.
        var raw = JsonNames.Of(p);
        for (var k = next; k < _names.Count; k++)
        {
            if (raw.SequenceEqual(_names[k]))
            {
                return k;
            }
        }

        var name = p.Name;
        if (!_index.TryGetValue(name, out var slot))
        {
            slot = _names.Count;
            _names.Add(Encoding.UTF8.GetBytes(name));
            _index[name] = slot;
        }

        return slot;
    }
}

/// <summary>Which top-level names of a type one object holds, by slot; see <see cref="AttributeSchema.Mark"/>.</summary>
internal struct NameBits
{
    public const int Capacity = 64;

    public ulong Present;
    public ulong True;
    public bool Filled;

    /// <summary>The object holds a name beyond <see cref="Capacity"/>: the bits prove nothing.</summary>
    public bool Overflow;
}

/// <summary>One schema per resource type of a plan, for each of the three parallel trees.</summary>
/// <remarks>
/// <c>after_unknown</c> and the configuration expressions hold far fewer keys than the planned values,
/// so each tree learns its own names: its slot tables stay as small as the objects they index.
/// </remarks>
internal sealed class AttributeSchemas
{
    private readonly Dictionary<string, AttributeSchema> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttributeSchema> _unknownByType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttributeSchema> _expressionsByType = new(StringComparer.Ordinal);

    /// <summary>The planned values' schema of a type.</summary>
    public AttributeSchema For(string type) => Get(_byType, type);

    /// <summary>The <c>after_unknown</c> schema of a type.</summary>
    public AttributeSchema UnknownFor(string type) => Get(_unknownByType, type);

    /// <summary>The configuration expressions' schema of a type.</summary>
    public AttributeSchema ExpressionsFor(string type) => Get(_expressionsByType, type);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static AttributeSchema Get(Dictionary<string, AttributeSchema> byType, string type)
    {
        if (!byType.TryGetValue(type, out var schema))
        {
            byType[type] = schema = new AttributeSchema();
        }

        return schema;
    }
}
