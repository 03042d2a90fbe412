using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace PciZone.Ingest.Terraform;

/// <summary>
/// What <c>resource_changes</c> says about each instance: its <c>after_unknown</c>, and whether the
/// plan deletes it. Terraform writes resource_changes and planned_values in nearly the same address
/// order, so an instance is first looked for at a cursor that moves along with the walk, comparing
/// raw UTF-8; only out-of-order instances pay for a dictionary of all addresses, built on first need.
/// </summary>
internal sealed class PlanChanges
{
    private const int LookAhead = 4;
    private static readonly PlanChanges None = new([], 0, null);

    private readonly Entry[] _entries;
    private readonly int _count;
    private readonly HashSet<string>? _deleted;
    private Dictionary<string, (JsonElement Unknown, int Next)>? _byAddress;
    private int _cursor;

    private PlanChanges(Entry[] entries, int count, HashSet<string>? deleted)
    {
        _entries = entries;
        _count = count;
        _deleted = deleted;
    }

    /// <summary>Number of changes with an address: an upper bound for the instances of a plan.</summary>
    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PlanChanges Read(JsonElement root)
    {
        if (!root.TryGetProperty("resource_changes"u8, out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            return None;
        }

        var entries = new Entry[changes.GetArrayLength()];
        var count = 0;
        HashSet<string>? deleted = null;
        foreach (var rc in changes.EnumerateArray())
        {
            // An address that is not a string names no planned instance (those are skipped too).
            if (rc.ValueKind != JsonValueKind.Object || !Find(rc, "address"u8, "change"u8, out var a, out var change) ||
                a.ValueKind != JsonValueKind.String || change.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            Find(change, "after_unknown"u8, "actions"u8, out var au, out var actions);

            // A deposed object (the old half of create_before_destroy) shares the live instance's
            // address; its delete must neither drop the live instance nor lend it after_unknown.
            if (rc.TryGetProperty("deposed"u8, out _))
            {
                continue;
            }

            entries[count++] = new Entry(a, au);
            if (IsDeleteOnly(actions))
            {
                (deleted ??= new HashSet<string>(StringComparer.Ordinal)).Add(a.GetString() ?? "");
            }
        }

        return new PlanChanges(entries, count, deleted);
    }

    public bool IsDeleted(string address) => _deleted is not null && _deleted.Contains(address);

    /// <summary>
    /// The <c>after_unknown</c> of the instance at <paramref name="address"/> (whose JSON string is
    /// <paramref name="addressElement"/>), or an undefined element. When an address has several
    /// changes (a deposed object), the last one with an <c>after_unknown</c> counts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public JsonElement Unknown(string address, JsonElement addressElement)
    {
        if (_count == 0)
        {
            return default;
        }

        var raw = JsonMarshal.GetRawUtf8Value(addressElement);
        if (Near(raw) is var at and >= 0)
        {
            _cursor = at;
            // Changes of one address sit next to each other; take the whole run.
            var unknown = default(JsonElement);
            do
            {
                if (_entries[_cursor].Unknown.ValueKind != JsonValueKind.Undefined)
                {
                    unknown = _entries[_cursor].Unknown;
                }

                _cursor++;
            }
            while (_cursor < _count && JsonMarshal.GetRawUtf8Value(_entries[_cursor].Address).SequenceEqual(raw));

            return unknown;
        }

        if (!ByAddress().TryGetValue(address, out var found))
        {
            return default;
        }

        _cursor = found.Next;
        return found.Unknown;
    }

    /// <summary>Index of the change for <paramref name="raw"/> at or a few steps past the cursor, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Near(ReadOnlySpan<byte> raw)
    {
        // Changes the walk does not ask for (data sources read during apply) are stepped over.
        var end = Math.Min(_count, _cursor + LookAhead);
        for (var i = _cursor; i < end; i++)
        {
            if (JsonMarshal.GetRawUtf8Value(_entries[i].Address).SequenceEqual(raw))
            {
                return i;
            }
        }

        return -1;
    }

    private Dictionary<string, (JsonElement Unknown, int Next)> ByAddress()
    {
        if (_byAddress is null)
        {
            _byAddress = new Dictionary<string, (JsonElement, int)>(_count, StringComparer.Ordinal);
            for (var i = 0; i < _count; i++)
            {
                var address = _entries[i].Address.GetString() ?? "";
                var unknown = _entries[i].Unknown.ValueKind != JsonValueKind.Undefined || !_byAddress.TryGetValue(address, out var before)
                    ? _entries[i].Unknown
                    : before.Unknown;
                _byAddress[address] = (unknown, i + 1);
            }
        }

        return _byAddress;
    }

    private static bool IsDeleteOnly(JsonElement actions) =>
        actions.ValueKind == JsonValueKind.Array && actions.GetArrayLength() == 1 &&
        actions[0].ValueKind == JsonValueKind.String && actions[0].ValueEquals("delete"u8);

    /// <summary>Two properties of an object in one pass; true when the first one is there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Find(JsonElement obj, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, out JsonElement a, out JsonElement b)
    {
        a = default;
        b = default;
        foreach (var p in obj.EnumerateObject())
        {
            var n = JsonNames.Of(p);
            if (n.SequenceEqual(first))
            {
                a = p.Value;
            }
            else if (n.SequenceEqual(second))
            {
                b = p.Value;
            }
        }

        return a.ValueKind != JsonValueKind.Undefined;
    }

    private readonly record struct Entry(JsonElement Address, JsonElement Unknown);
}
