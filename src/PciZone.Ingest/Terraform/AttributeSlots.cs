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

    public AttributeSchema() => _byName = _index.GetAlternateLookup<ReadOnlySpan<char>>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int SlotOf(ReadOnlySpan<char> name) => _byName.TryGetValue(name, out var slot) ? slot : -1;

    /// <summary>The object's properties by slot; an Undefined element means absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public JsonElement[] Fill(JsonElement obj)
    {
        var slots = new JsonElement[Math.Max(_names.Count, 1)];
        var position = 0;
        foreach (var p in obj.EnumerateObject())
        {
            int slot;
            if (position < _names.Count && p.NameEquals(_names[position]))
            {
                slot = position;
            }
            else
            {
                var name = p.Name;
                if (!_index.TryGetValue(name, out slot))
                {
                    slot = _names.Count;
                    _names.Add(Encoding.UTF8.GetBytes(name));
                    _index[name] = slot;
                }
            }

            if (slot >= slots.Length)
            {
                Array.Resize(ref slots, Math.Max(_names.Count, slot + 1));
            }

            slots[slot] = p.Value;
            position++;
        }

        return slots;
    }
}

/// <summary>One schema per resource type of a plan.</summary>
internal sealed class AttributeSchemas
{
    private readonly Dictionary<string, AttributeSchema> _byType = new(StringComparer.Ordinal);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public AttributeSchema For(string type)
    {
        if (!_byType.TryGetValue(type, out var schema))
        {
            _byType[type] = schema = new AttributeSchema();
        }

        return schema;
    }
}
