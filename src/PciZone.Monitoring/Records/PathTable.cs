using System.Text;

namespace PciZone.Monitoring.Records;

/// <summary>
/// The record paths that compiled rules read, interned to small ids and arranged as a trie over property
/// names, so that the record walker keeps only referenced values and skips everything else unread.
/// A segment ending in <c>[]</c> walks every element of a list.
/// </summary>
internal sealed class PathTable
{
    public const int EventId = 0;
    public const int EventName = 1;
    public const int EventSource = 2;
    public const int EventTime = 3;
    public const int AccountId = 4;
    public const int Region = 5;
    public const int SourceIp = 6;
    public const int UserArn = 7;
    public const int UserType = 8;
    public const int UserPrincipalId = 9;
    public const int UserInvokedBy = 10;
    public const int ErrorCode = 11;
    public const int MfaUsed = 12;

    // The alert needs these whatever the rules read; their order must match the constants above.
    private static readonly string[] WellKnown =
    [
        "eventID", "eventName", "eventSource", "eventTime", "recipientAccountId", "awsRegion",
        "sourceIPAddress", "userIdentity.arn", "userIdentity.type", "userIdentity.principalId",
        "userIdentity.invokedBy", "errorCode", "additionalEventData.MFAUsed",
    ];

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _paths = [];

    public PathTable()
    {
        foreach (var p in WellKnown)
        {
            Intern(p);
        }
    }

    /// <summary>Root of the trie: the record object.</summary>
    public PathNode Root { get; } = new([]);

    public int Count => _paths.Count;

    public string PathOf(int id) => _paths[id];

    /// <summary>The id of a path (validated by the rule parser), adding it on first use.</summary>
    public int Intern(string path)
    {
        if (_ids.TryGetValue(path, out var id))
        {
            return id;
        }

        id = _paths.Count;
        _paths.Add(path);
        _ids.Add(path, id);
        var node = Root;
        foreach (var segment in path.Split('.'))
        {
            var isList = segment.EndsWith("[]", StringComparison.Ordinal);
            node = node.Child(Encoding.UTF8.GetBytes(isList ? segment[..^2] : segment));
            if (isList)
            {
                node = node.Element ??= new PathNode([]);
            }
        }

        node.Id = id;
        return id;
    }
}

/// <summary>One trie node: a property (or list element) position in the record.</summary>
internal sealed class PathNode(byte[] name)
{
    // Children bucketed by name length: a lookup compares only names of the right length.
    private PathNode[]?[] _byLength = [];

    public byte[] Name { get; } = name;

    // The first eight bytes as one number: most property names differ there, so a lookup compares one
    // integer per candidate and calls SequenceEqual only for the rest of a long name that matched so far.
    private readonly ulong _head = Head(name);

    /// <summary>The path id when a rule reads this position, else -1.</summary>
    public int Id { get; set; } = -1;

    /// <summary>The node for every element when the position is walked as a list (<c>[]</c>).</summary>
    public PathNode? Element { get; set; }

    public bool HasChildren { get; private set; }

    public PathNode Child(byte[] name)
    {
        var found = Find(name);
        if (found is not null)
        {
            return found;
        }

        if (_byLength.Length <= name.Length)
        {
            Array.Resize(ref _byLength, name.Length + 1);
        }

        var node = new PathNode(name);
        var bucket = _byLength[name.Length] ?? [];
        Array.Resize(ref bucket, bucket.Length + 1);
        bucket[^1] = node;
        _byLength[name.Length] = bucket;
        HasChildren = true;
        return node;
    }

    public PathNode? Find(ReadOnlySpan<byte> name)
    {
        if (name.Length >= _byLength.Length || _byLength[name.Length] is not { } bucket)
        {
            return null;
        }

        var head = Head(name);
        foreach (var node in bucket)
        {
            if (node._head == head && (name.Length <= 8 || name[8..].SequenceEqual(node.Name.AsSpan(8))))
            {
                return node;
            }
        }

        return null;
    }

    private static ulong Head(ReadOnlySpan<byte> name)
    {
        if (name.Length >= 8)
        {
            return System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(name);
        }

        ulong head = 0;
        for (var i = 0; i < name.Length; i++)
        {
            head |= (ulong)name[i] << (8 * i);
        }

        return head;
    }
}
