using System.Globalization;
using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation;

/// <summary>
/// A resource's Properties (or one object inside them) seen through <see cref="IResourceView"/>.
/// Intrinsics are evaluated as a path is walked, so only what a mapper asks for is evaluated.
/// </summary>
internal sealed partial class CfnResourceView : IResourceView
{
    private readonly Evaluator _evaluator;
    private readonly string _addressPrefix;
    private readonly CfnNode? _root;

    // Set when the whole object is unknown (an Fn::If on a condition that cannot be evaluated):
    // every getter then reports Unknown rather than pretending the object is empty.
    private readonly string? _unknownReason;

    public CfnResourceView(Evaluator evaluator, string addressPrefix, string address, string type, Provenance provenance, CfnNode? root)
        : this(evaluator, addressPrefix, address, type, provenance, root, null)
    {
    }

    private CfnResourceView(Evaluator evaluator, string addressPrefix, string address, string type, Provenance provenance, CfnNode? root, string? unknownReason)
    {
        _evaluator = evaluator;
        _addressPrefix = addressPrefix;
        Address = address;
        Type = type;
        Provenance = provenance;
        _root = root;
        _unknownReason = unknownReason;
    }

    private enum Presence : byte
    {
        Absent,
        Null,
        Present,
        Unknown,
    }

    public string Address { get; }

    public string Type { get; }

    public Provenance Provenance { get; }

    public Provenance At(string path) => path.Length == 0 ? Provenance : Provenance.At(path, Walk(path).Line);

    public bool Has(string path) => Walk(path).State is Presence.Present or Presence.Unknown;

    public bool IsWritten(string path) => Walk(path).State != Presence.Absent;

    public Value<string?> String(string path, string? awsDefault = null)
    {
        var (state, e, prov) = Find(path);
        return state switch
        {
            Presence.Absent or Presence.Null => Value.Default(awsDefault, prov),
            Presence.Unknown => Value.Unknown<string?>(e.Reason!, prov),
            _ when e.Node!.IsScalar => Value.Of<string?>(e.Node.Text, prov),
            _ => Value.Unknown<string?>(NotA(path, e.Node, "string"), prov),
        };
    }

    public Value<bool> Bool(string path, bool awsDefault)
    {
        var (state, e, prov) = Find(path);
        return state switch
        {
            Presence.Absent or Presence.Null => Value.Default(awsDefault, prov),
            Presence.Unknown => Value.Unknown<bool>(e.Reason!, prov),
            _ when e.Node!.IsScalar && bool.TryParse(e.Node.Text, out var b) => Value.Of(b, prov),
            _ => Value.Unknown<bool>(NotA(path, e.Node, "boolean"), prov),
        };
    }

    public Value<int> Int(string path, int awsDefault)
    {
        var v = OptionalInt(path);
        return v.IsUnknown ? Value.Unknown<int>(v.UnknownReason!, v.Source)
            : v.IsDefault ? Value.Default(awsDefault, v.Source)
            : Value.Of(v.Get()!.Value, v.Source);
    }

    public Value<int?> OptionalInt(string path)
    {
        var (state, e, prov) = Find(path);
        return state switch
        {
            Presence.Absent or Presence.Null => Value.Default<int?>(null, prov),
            Presence.Unknown => Value.Unknown<int?>(e.Reason!, prov),
            _ when e.Node!.IsScalar && int.TryParse(e.Node.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) =>
                Value.Of<int?>(i, prov),
            _ => Value.Unknown<int?>(NotA(path, e.Node, "whole number"), prov),
        };
    }

    public Value<ResourceRef?> Ref(string path)
    {
        var (state, e, prov) = Find(path);
        return state switch
        {
            Presence.Absent or Presence.Null => Value.Default<ResourceRef?>(null, prov),
            Presence.Unknown when e.Target is not null => Value.Of<ResourceRef?>(ResourceRef.To(_addressPrefix + e.Target), prov),
            Presence.Unknown => Value.Unknown<ResourceRef?>(e.Reason!, prov),
            _ when e.Node!.IsScalar => Value.Of<ResourceRef?>(ResourceRef.Id(e.Node.Text!), prov),
            _ => Value.Unknown<ResourceRef?>(NotA(path, e.Node, "reference"), prov),
        };
    }

    private (Presence State, Eval Value, Provenance Source) Find(string path, bool placeholders = false)
    {
        var (state, e, line) = Walk(path, placeholders);
        return (state, e, path.Length == 0 ? Provenance : Provenance.At(path, line));
    }

    /// <summary>
    /// Follows a dot-separated path, evaluating intrinsics at every step. A step into a list takes
    /// its first element unless the step is an index. Returns the line of the deepest key found.
    /// </summary>
    private (Presence State, Eval Value, int Line) Walk(string path, bool placeholders = false)
    {
        var line = Provenance.Line;
        if (_unknownReason is not null)
        {
            return (Presence.Unknown, Eval.Unknown(_unknownReason), line);
        }

        if (_root is null)
        {
            return (Presence.Absent, Eval.NoValue, line);
        }

        var e = _evaluator.Resolve(_root, placeholders);
        if (path.Length > 0)
        {
            foreach (var range in path.AsSpan().Split('.'))
            {
                if (!e.IsNode)
                {
                    // A step below an unknown: whatever it referred to, this part of it is unknown too.
                    return e.IsUnknown ? (Presence.Unknown, Eval.Unknown(e.Reason!), line) : (Presence.Absent, e, line);
                }

                var segment = path.AsSpan(range);
                var node = e.Node!;
                if (node.IsSequence)
                {
                    var isIndex = int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index);
                    if (!isIndex)
                    {
                        index = 0;
                    }

                    if (index >= node.Items.Count)
                    {
                        return (Presence.Absent, Eval.NoValue, line);
                    }

                    line = node.Items[index].Line;
                    e = _evaluator.Resolve(node.Items[index], placeholders);
                    if (isIndex)
                    {
                        continue;
                    }

                    if (!e.IsNode)
                    {
                        return e.IsUnknown ? (Presence.Unknown, Eval.Unknown(e.Reason!), line) : (Presence.Absent, e, line);
                    }

                    node = e.Node!;
                }

                if (!node.IsMapping || !node.TryGetEntry(segment, out var entry))
                {
                    return (Presence.Absent, Eval.NoValue, line);
                }

                line = entry.Line;
                e = _evaluator.Resolve(entry.Value, placeholders);
            }
        }

        return e.Kind switch
        {
            EvalKind.Unknown => (Presence.Unknown, e, line),
            EvalKind.NoValue => (Presence.Absent, e, line),
            _ when e.Node!.Kind == CfnNodeKind.Null => (Presence.Null, e, line),
            _ => (Presence.Present, e, line),
        };
    }

    private static string NotA(string path, CfnNode? node, string what) =>
        $"{path} at line {node?.Line} is {(node?.IsScalar == true ? $"'{node.Text}'" : $"a {node?.Kind.ToString().ToLowerInvariant()}")}, not a {what}";
}
