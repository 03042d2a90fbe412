namespace PciZone.Ingest.CloudFormation;

/// <summary>What evaluating a node gave.</summary>
internal enum EvalKind : byte
{
    /// <summary>A node with no intrinsic at its top (children may still hold intrinsics).</summary>
    Node,

    /// <summary>Not knowable offline; <see cref="Eval.Reason"/> says why.</summary>
    Unknown,

    /// <summary><c>Ref AWS::NoValue</c>: the property is removed.</summary>
    NoValue,
}

/// <summary>
/// The outcome of evaluating one node. An unknown that is an attribute of a resource in the same
/// template keeps that resource's logical id in <see cref="Target"/>: the value is unknown, but the
/// reference is not.
/// </summary>
internal readonly struct Eval
{
    private Eval(EvalKind kind, CfnNode? node, string? reason, string? target)
    {
        Kind = kind;
        Node = node;
        Reason = reason;
        Target = target;
    }

    public EvalKind Kind { get; }

    public CfnNode? Node { get; }

    public string? Reason { get; }

    /// <summary>Logical id of the resource this value is an attribute of (Ref, GetAtt), if any.</summary>
    public string? Target { get; }

    public bool IsNode => Kind == EvalKind.Node;

    public bool IsUnknown => Kind == EvalKind.Unknown;

    public bool IsNoValue => Kind == EvalKind.NoValue;

    public static Eval NoValue { get; } = new(EvalKind.NoValue, null, null, null);

    public static Eval Of(CfnNode node) => new(EvalKind.Node, node, null, null);

    public static Eval Unknown(string reason) => new(EvalKind.Unknown, null, reason, null);

    public static Eval OfResource(string logicalId, string reason) => new(EvalKind.Unknown, null, reason, logicalId);
}

/// <summary>A condition's truth: true, false, or unknown with a reason.</summary>
internal readonly record struct Truth(bool? Value, string? Reason)
{
    public static Truth Of(bool value) => new(value, null);

    public static Truth Unknown(string reason) => new(null, reason);
}
