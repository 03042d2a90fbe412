using System.Text.Json;

namespace PciZone.Ingest.CloudFormation;

/// <summary>
/// Builds the node tree from JSON with <see cref="Utf8JsonReader"/>. The reader has no line numbers,
/// so lines are counted from the newlines between one token and the next: each byte is looked at once.
/// </summary>
internal ref struct JsonTemplateParser
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly StringPool _pool;
    private Utf8JsonReader _reader;
    private int _scanned;
    private int _line;
    private int _lineStart;

    private JsonTemplateParser(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        // Our own depth limit fires first and names the line; the reader's is only a backstop.
        _reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = TemplateLimits.MaxDepth * 2,
        });
        _line = 1;
        _pool = new StringPool();
    }

    /// <summary>Parses a JSON template; throws <see cref="TemplateException"/> or <see cref="JsonException"/>.</summary>
    public static CfnNode Parse(ReadOnlySpan<byte> bytes)
    {
        var parser = new JsonTemplateParser(bytes);
        if (!parser._reader.Read())
        {
            throw new TemplateException(1, "template is empty");
        }

        var root = parser.ParseValue(0);

        // Reading past the root makes the reader reject trailing content.
        parser._reader.Read();
        return root;
    }

    private CfnNode ParseValue(int depth)
    {
        var (line, column) = Position();
        switch (_reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                CheckDepth(depth + 1, line);
                var mapping = default(MappingBuilder);
                while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
                {
                    var (keyLine, keyColumn) = Position();
                    var key = Text();
                    _reader.Read();
                    mapping.Add(key, keyLine, keyColumn, ParseValue(depth + 1));
                }

                return mapping.Build(line, column);
            }

            case JsonTokenType.StartArray:
            {
                CheckDepth(depth + 1, line);
                var items = new List<CfnNode>();
                while (_reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ParseValue(depth + 1));
                }

                return CfnNode.Sequence(items, line, column);
            }

            case JsonTokenType.String:
                return CfnNode.Scalar(Text(), line, column);
            case JsonTokenType.Number:
                return CfnNode.Scalar(_pool.Get(_reader.ValueSpan), line, column);
            case JsonTokenType.True:
                return CfnNode.Scalar("true", line, column);
            case JsonTokenType.False:
                return CfnNode.Scalar("false", line, column);
            case JsonTokenType.Null:
                return CfnNode.Null(line, column);
            default:
                throw new TemplateException(line, $"unexpected JSON token {_reader.TokenType}");
        }
    }

    private readonly string Text() =>
        _reader.ValueIsEscaped || _reader.HasValueSequence ? _reader.GetString()! : _pool.Get(_reader.ValueSpan);

    /// <summary>Line and column of the current token, counting newlines since the previous one.</summary>
    private (int Line, int Column) Position()
    {
        var start = (int)_reader.TokenStartIndex;
        if (start > _scanned)
        {
            var gap = _bytes[_scanned..start];
            var newlines = gap.Count((byte)'\n');
            if (newlines > 0)
            {
                _line += newlines;
                _lineStart = _scanned + gap.LastIndexOf((byte)'\n') + 1;
            }

            _scanned = start;
        }

        return (_line, start - _lineStart + 1);
    }

    private static void CheckDepth(int depth, int line)
    {
        if (depth > TemplateLimits.MaxDepth)
        {
            throw new TemplateException(line, $"template nests deeper than {TemplateLimits.MaxDepth} levels");
        }
    }
}
