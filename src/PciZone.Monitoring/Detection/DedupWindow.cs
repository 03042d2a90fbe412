using System.Buffers.Text;
using System.Security.Cryptography;

namespace PciZone.Monitoring.Detection;

/// <summary>
/// The last <see cref="Capacity"/> eventIDs, oldest forgotten first. CloudTrail eventIDs are GUIDs and are
/// kept as 16 bytes; any other id is kept as the first 16 bytes of its SHA-256, so no record allocates.
/// </summary>
internal sealed class DedupWindow(int capacity)
{
    private readonly HashSet<Guid> _seen = [];
    private Guid[] _ring = new Guid[Math.Min(capacity, 1024)];
    private int _head;

    public int Capacity { get; } = capacity;

    public int Count => _seen.Count;

    /// <summary>Adds the id; false when it was already in the window.</summary>
    public bool Add(ReadOnlySpan<byte> eventId) => Add(KeyOf(eventId));

    public bool Add(Guid key)
    {
        if (!_seen.Add(key))
        {
            return false;
        }

        if (_seen.Count <= Capacity)
        {
            if (_seen.Count > _ring.Length)
            {
                Array.Resize(ref _ring, Math.Min(Capacity, _ring.Length * 2));
            }

            _ring[_seen.Count - 1] = key;
            return true;
        }

        // Full: the slot at _head holds the oldest id.
        _seen.Remove(_ring[_head]);
        _ring[_head] = key;
        _head = (_head + 1) % Capacity;
        return true;
    }

    /// <summary>The ids oldest first (for saving).</summary>
    public IEnumerable<Guid> InOrder(int skip = 0)
    {
        var n = _seen.Count;
        for (var i = skip; i < n; i++)
        {
            yield return _ring[(_head + i) % Math.Max(1, Math.Min(n, Capacity))];
        }
    }

    public static Guid KeyOf(ReadOnlySpan<byte> eventId)
    {
        if (Utf8Parser.TryParse(eventId, out Guid guid, out var consumed, 'D') && consumed == eventId.Length)
        {
            return guid;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(eventId, hash);
        return new Guid(hash[..16]);
    }
}
