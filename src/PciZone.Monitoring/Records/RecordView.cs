using System.Text;

namespace PciZone.Monitoring.Records;

/// <summary>JSON kind of a kept value.</summary>
internal enum ValueKind : byte
{
    String,
    Number,
    True,
    False,
    Null,
    Object,
    Array,
}

/// <summary>One kept value: which path, where its bytes are in the buffer, what kind.</summary>
internal struct ValueEntry
{
    public int Start;
    public int Length;
    public int Next;
    public int PathId;
    public ValueKind Kind;
    public bool Escaped;
}

/// <summary>
/// One record as a flat table of the values rules read, filled in one pass by the walker and reused for
/// every record: values stay as byte ranges of the decompressed buffer, chained per path id (several
/// values for a path read through <c>[]</c>). Strings with escapes are unescaped only when read.
/// </summary>
internal sealed class RecordView
{
    private readonly int[] _first;
    private readonly int[] _last;
    private ValueEntry[] _entries = new ValueEntry[64];
    private byte[] _scratch = new byte[256];
    private byte[] _buffer = [];

    public RecordView(int pathCount)
    {
        _first = new int[pathCount];
        _last = new int[pathCount];
        Array.Fill(_first, -1);
    }

    public int Count { get; private set; }

    public void Reset(byte[] buffer)
    {
        _buffer = buffer;
        for (var i = 0; i < Count; i++)
        {
            // Only the heads that were set need clearing; entries are overwritten.
            _first[_entries[i].PathId] = -1;
        }

        Count = 0;
    }

    public void Add(int pathId, int start, int length, ValueKind kind, bool escaped)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        var index = Count++;
        _entries[index] = new ValueEntry { Start = start, Length = length, Kind = kind, Escaped = escaped, Next = -1, PathId = pathId };

        if (_first[pathId] < 0)
        {
            _first[pathId] = index;
        }
        else
        {
            _entries[_last[pathId]].Next = index;
        }

        _last[pathId] = index;
    }

    /// <summary>Index of the first value of a path, or -1; follow with <see cref="Next"/>.</summary>
    public int First(int pathId) => _first[pathId];

    public int Next(int entry) => _entries[entry].Next;

    public ValueKind Kind(int entry) => _entries[entry].Kind;

    public bool Has(int pathId) => _first[pathId] >= 0;

    /// <summary>The value's UTF-8 text (unescaped); valid until the next call.</summary>
    public ReadOnlySpan<byte> Bytes(int entry)
    {
        ref var e = ref _entries[entry];
        var raw = _buffer.AsSpan(e.Start, e.Length);
        if (!e.Escaped)
        {
            return raw;
        }

        if (_scratch.Length < raw.Length)
        {
            _scratch = new byte[raw.Length * 2];
        }

        return _scratch.AsSpan(0, JsonUnescape.Unescape(raw, _scratch));
    }

    /// <summary>The first string-like value of a path as text, or null (used only when raising an alert).</summary>
    public string? String(int pathId)
    {
        var i = _first[pathId];
        return i < 0 || _entries[i].Kind is ValueKind.Null or ValueKind.Object or ValueKind.Array
            ? null
            : Encoding.UTF8.GetString(Bytes(i));
    }
}
