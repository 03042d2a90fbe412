using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PciZone.Ingest.CloudFormation;

/// <summary>
/// Builds the node tree from YamlDotNet's low-level event stream, which gives every node its line
/// and leaves tags and aliases to us: short-form tags become long-form nodes, and aliases share
/// their anchor's node while their expanded size is counted against the alias-bomb limit.
/// </summary>
internal sealed class YamlTemplateParser
{
    private const string YamlTagPrefix = "tag:yaml.org,2002:";

    private readonly Scanner _scanner;
    private readonly Parser _parser;
    private readonly StringPool _pool = new();
    private readonly Dictionary<string, CfnNode> _anchors = new(StringComparer.Ordinal);
    private long _aliasExpansion;

    private YamlTemplateParser(string text)
    {
        _scanner = new Scanner(new StringReader(text), skipComments: true);
        _parser = new Parser(_scanner);
    }

    /// <summary>Parses one YAML document; throws <see cref="TemplateException"/> or <see cref="YamlException"/>.</summary>
    public static CfnNode Parse(string text) => new YamlTemplateParser(text).ParseStream();

    private CfnNode ParseStream()
    {
        Expect<StreamStart>(Next());
        var ev = Next();
        if (ev is StreamEnd)
        {
            throw new TemplateException(1, "template is empty");
        }

        Expect<DocumentStart>(ev);
        var root = ParseNode(Next(), 0);
        Expect<DocumentEnd>(Next());
        ev = Next();
        if (ev is not StreamEnd)
        {
            throw new TemplateException(LineOf(ev), "more than one YAML document; a template is one document");
        }

        return root;
    }

    private CfnNode ParseNode(ParsingEvent ev, int depth)
    {
        switch (ev)
        {
            case AnchorAlias alias:
                return Alias(alias, depth);
            case Scalar scalar:
                return Finish(scalar, ScalarNode(scalar, _pool), depth);
            case SequenceStart start:
            {
                CheckDepth(start, depth + 1);
                var items = new List<CfnNode>();
                for (var next = Next(); next is not SequenceEnd; next = Next())
                {
                    items.Add(ParseNode(next, depth + 1));
                }

                return Finish(start, CfnNode.Sequence(items, LineOf(start), ColumnOf(start)), depth);
            }

            case MappingStart start:
            {
                CheckDepth(start, depth + 1);
                var mapping = default(MappingBuilder);
                for (var next = Next(); next is not MappingEnd; next = Next())
                {
                    if (next is not Scalar key)
                    {
                        throw new TemplateException(LineOf(next), "mapping keys must be plain strings");
                    }

                    mapping.Add(_pool.Get(key.Value), LineOf(key), ColumnOf(key), ParseNode(Next(), depth + 1));
                }

                return Finish(start, mapping.Build(LineOf(start), ColumnOf(start)), depth);
            }

            default:
                throw new TemplateException(LineOf(ev), $"unexpected YAML {ev.GetType().Name}");
        }
    }

    private CfnNode Alias(AnchorAlias alias, int depth)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var node))
        {
            throw new TemplateException(LineOf(alias), $"YAML alias *{alias.Value.Value} has no anchor");
        }

        _aliasExpansion += node.ExpandedSize;
        if (_aliasExpansion > TemplateLimits.MaxAliasExpansion)
        {
            throw new TemplateException(LineOf(alias),
                $"YAML alias expansion exceeds {TemplateLimits.MaxAliasExpansion} nodes (alias bomb?)");
        }

        if (depth + node.Height > TemplateLimits.MaxDepth)
        {
            throw NestingTooDeep(LineOf(alias));
        }

        return node;
    }

    private static CfnNode ScalarNode(Scalar s, StringPool pool)
    {
        if (s.Tag.IsEmpty && s.Style == ScalarStyle.Plain && s.Value is "" or "~" or "null" or "Null" or "NULL")
        {
            return CfnNode.Null(LineOf(s), ColumnOf(s));
        }

        return CfnNode.Scalar(pool.Get(s.Value), LineOf(s), ColumnOf(s));
    }

    /// <summary>Applies the node's tag (an intrinsic becomes its long form) and records its anchor.</summary>
    private CfnNode Finish(NodeEvent ev, CfnNode node, int depth)
    {
        if (!ev.Tag.IsEmpty && !ev.Tag.IsNonSpecific)
        {
            node = ApplyTag(ev.Tag.Value, node, depth);
        }

        if (!ev.Anchor.IsEmpty)
        {
            _anchors[ev.Anchor.Value] = node;
        }

        return node;
    }

    private static CfnNode ApplyTag(string tag, CfnNode node, int depth)
    {
        if (tag.StartsWith(YamlTagPrefix, StringComparison.Ordinal))
        {
            // Standard tags only say which type a scalar is; every scalar is text to us already.
            return tag == YamlTagPrefix + "str" && node.Kind == CfnNodeKind.Null
                ? CfnNode.Scalar("", node.Line, node.Column)
                : node;
        }

        var key = Intrinsics.KeyForTag(tag)
                  ?? throw new TemplateException(node.Line, $"unknown intrinsic function tag {tag}");
        if (depth + 1 + node.Height > TemplateLimits.MaxDepth)
        {
            throw NestingTooDeep(node.Line);
        }

        if (key == "Fn::GetAtt" && node.IsScalar)
        {
            node = SplitGetAtt(node);
        }

        var call = default(MappingBuilder);
        call.Add(key, node.Line, node.Column, node);
        return call.Build(node.Line, node.Column);
    }

    /// <summary><c>!GetAtt Resource.Attr.Path</c>: the logical id ends at the first dot.</summary>
    private static CfnNode SplitGetAtt(CfnNode node)
    {
        var text = node.Text!;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == text.Length - 1)
        {
            throw new TemplateException(node.Line, $"!GetAtt '{text}' is not of the form Resource.Attribute");
        }

        return CfnNode.Sequence(
            [CfnNode.Scalar(text[..dot], node.Line, node.Column), CfnNode.Scalar(text[(dot + 1)..], node.Line, node.Column + dot + 1)],
            node.Line,
            node.Column);
    }

    private static void CheckDepth(ParsingEvent ev, int depth)
    {
        if (depth > TemplateLimits.MaxDepth)
        {
            throw NestingTooDeep(LineOf(ev));
        }
    }

    private static TemplateException NestingTooDeep(int line) =>
        new(line, $"template nests deeper than {TemplateLimits.MaxDepth} levels");

    private ParsingEvent Next()
    {
        try
        {
            return _parser.MoveNext() ? _parser.Current! : throw new TemplateException(0, "unexpected end of YAML");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way (not with a YamlException) on some broken flow collections.
            throw new TemplateException((int)_scanner.CurrentPosition.Line, "malformed YAML: the YAML scanner could not read this line");
        }
    }

    private static void Expect<T>(ParsingEvent ev)
        where T : ParsingEvent
    {
        if (ev is not T)
        {
            throw new TemplateException(LineOf(ev), $"unexpected YAML {ev.GetType().Name}");
        }
    }

    private static int LineOf(ParsingEvent ev) => (int)ev.Start.Line;

    private static int ColumnOf(ParsingEvent ev) => (int)ev.Start.Column;
}
