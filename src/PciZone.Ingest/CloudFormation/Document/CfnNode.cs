namespace PciZone.Ingest.CloudFormation;

/// <summary>The shape of a template node.</summary>
internal enum CfnNodeKind : byte
{
    Null,
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>One mapping entry: the key with its own position, and the value.</summary>
internal readonly record struct CfnEntry(string Key, int Line, int Column, CfnNode Value);

/// <summary>
/// A template node from either JSON or YAML, with the position where it starts. Short-form YAML tags
/// are already rewritten to their long form, so evaluation sees one shape. Nodes are immutable once
/// parsed, which is what lets a YAML alias share its anchor's node instead of copying it.
/// </summary>
internal sealed class CfnNode
{
    private static readonly List<CfnEntry> NoEntries = [];
    private static readonly List<CfnNode> NoItems = [];

    private CfnNode(CfnNodeKind kind, int line, int column, string? text, List<CfnEntry>? entries, List<CfnNode>? items)
    {
        Kind = kind;
        Line = line;
        Column = column;
        Text = text;
        Entries = entries ?? NoEntries;
        Items = items ?? NoItems;
    }

    public CfnNodeKind Kind { get; }

    /// <summary>1-based line where the node starts.</summary>
    public int Line { get; }

    /// <summary>1-based column where the node starts.</summary>
    public int Column { get; }

    /// <summary>The text of a scalar (numbers and booleans in their written form); null otherwise.</summary>
    public string? Text { get; }

    /// <summary>Entries of a mapping in written order; empty otherwise.</summary>
    public List<CfnEntry> Entries { get; }

    /// <summary>Items of a sequence; empty otherwise.</summary>
    public List<CfnNode> Items { get; }

    /// <summary>Nodes in this subtree as if every alias were copied out (for the alias-bomb limit).</summary>
    public int ExpandedSize { get; private set; } = 1;

    /// <summary>Levels below and including this node (for the nesting limit across aliases).</summary>
    public int Height { get; private set; } = 1;

    public bool IsMapping => Kind == CfnNodeKind.Mapping;

    public bool IsSequence => Kind == CfnNodeKind.Sequence;

    public bool IsScalar => Kind == CfnNodeKind.Scalar;

    public static CfnNode Null(int line, int column) => new(CfnNodeKind.Null, line, column, null, null, null);

    public static CfnNode Scalar(string text, int line, int column) => new(CfnNodeKind.Scalar, line, column, text, null, null);

    public static CfnNode Mapping(List<CfnEntry> entries, int line, int column)
    {
        var node = new CfnNode(CfnNodeKind.Mapping, line, column, null, entries, null);
        foreach (var e in entries)
        {
            node.Absorb(e.Value);
        }

        return node;
    }

    public static CfnNode Sequence(List<CfnNode> items, int line, int column)
    {
        var node = new CfnNode(CfnNodeKind.Sequence, line, column, null, null, items);
        foreach (var i in items)
        {
            node.Absorb(i);
        }

        return node;
    }

    /// <summary>The value under a key of a mapping, or null.</summary>
    public CfnNode? Get(string key) => TryGetEntry(key.AsSpan(), out var e) ? e.Value : null;

    /// <summary>Finds an entry by key; linear because property mappings are small.</summary>
    public bool TryGetEntry(ReadOnlySpan<char> key, out CfnEntry entry)
    {
        foreach (var e in Entries)
        {
            if (key.SequenceEqual(e.Key))
            {
                entry = e;
                return true;
            }
        }

        entry = default;
        return false;
    }

    /// <summary>
    /// The function name when this node is an intrinsic call (<c>{"Ref": ..}</c>, <c>{"Fn::X": ..}</c>),
    /// else null. <c>Condition</c> is a call only inside the Conditions section, so the caller asks for it.
    /// </summary>
    public string? FunctionName(bool allowCondition = false)
    {
        if (Kind != CfnNodeKind.Mapping || Entries.Count != 1)
        {
            return null;
        }

        var key = Entries[0].Key;
        return key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal) || (allowCondition && key == "Condition")
            ? key
            : null;
    }

    private void Absorb(CfnNode child)
    {
        // Saturating: an alias bomb's sizes grow geometrically and must not wrap to negative.
        ExpandedSize = (int)Math.Min(int.MaxValue, (long)ExpandedSize + child.ExpandedSize);
        Height = Math.Max(Height, child.Height + 1);
    }
}
