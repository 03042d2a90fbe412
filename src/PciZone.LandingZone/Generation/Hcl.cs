using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PciZone.LandingZone.Generation;

/// <summary>An HCL expression that renders itself at a given indentation (two spaces per level).</summary>
internal abstract record HclExpr
{
    public abstract string Render(int indent);

    public bool IsMultiLine(int indent) => Render(indent).Contains('\n', StringComparison.Ordinal);

    public static implicit operator HclExpr(string literal) => new HclString(literal);

    public static implicit operator HclExpr(int number) => new HclRaw(number.ToString(CultureInfo.InvariantCulture));

    public static implicit operator HclExpr(long number) => new HclRaw(number.ToString(CultureInfo.InvariantCulture));

    public static implicit operator HclExpr(bool value) => new HclRaw(value ? "true" : "false");
}

/// <summary>An expression written verbatim: references, function calls, templates already escaped.</summary>
internal sealed record HclRaw(string Text) : HclExpr
{
    public override string Render(int indent) => Text;
}

/// <summary>A string literal; Terraform's template sequences are escaped so a value never becomes code.</summary>
internal sealed record HclString(string Value) : HclExpr
{
    public override string Render(int indent) => Hcl.Quote(Value);
}

/// <summary>A list; short lists of scalars stay on one line, others get one item per line.</summary>
internal sealed record HclList(IReadOnlyList<HclExpr> Items) : HclExpr
{
    public override string Render(int indent)
    {
        var inline = "[" + string.Join(", ", Items.Select(i => i.Render(indent))) + "]";
        if (!inline.Contains('\n', StringComparison.Ordinal) && inline.Length + (indent * 2) <= 100)
        {
            return inline;
        }

        var pad = new string(' ', (indent + 1) * 2);
        var sb = new StringBuilder("[\n");
        foreach (var item in Items)
        {
            sb.Append(pad).Append(item.Render(indent + 1)).Append(",\n");
        }

        return sb.Append(new string(' ', indent * 2)).Append(']').ToString();
    }
}

/// <summary>An object constructor; keys keep their order, equals signs align as terraform fmt aligns them.</summary>
internal sealed record HclObject(IReadOnlyList<KeyValuePair<string, HclExpr>> Entries) : HclExpr
{
    public override string Render(int indent)
    {
        if (Entries.Count == 0)
        {
            return "{}";
        }

        var body = new HclBody();
        foreach (var (key, value) in Entries)
        {
            body.Attribute(Hcl.Key(key), value);
        }

        var sb = new StringBuilder("{\n");
        body.RenderInto(sb, indent + 1);
        return sb.Append(new string(' ', indent * 2)).Append('}').ToString();
    }
}

/// <summary>Conversions and escaping.</summary>
internal static partial class Hcl
{
    public static HclRaw Ref(string expression) => new(expression);

    public static HclList List(IEnumerable<HclExpr> items) => new(items.ToList());

    public static HclList Strings(IEnumerable<string> items) => new(items.Select(i => (HclExpr)new HclString(i)).ToList());

    public static HclObject Object(params (string Key, HclExpr Value)[] entries) => new(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)).ToList());

    public static HclObject Object(IEnumerable<KeyValuePair<string, HclExpr>> entries) => new(entries.ToList());

    public static HclObject Map(IEnumerable<KeyValuePair<string, string>> entries) =>
        new(entries.Select(e => KeyValuePair.Create(e.Key, (HclExpr)new HclString(e.Value))).ToList());

    /// <summary><c>jsonencode({...})</c> of a JSON document, written as an HCL object so reviewers read a policy, not an escaped string.</summary>
    public static HclExpr JsonEncode(JsonNode node) => new JsonEncodeExpr(FromJson(node));

    public static HclExpr FromJson(JsonNode? node) => node switch
    {
        null => new HclRaw("null"),
        JsonObject obj => new HclObject(obj.Select(kv => KeyValuePair.Create(kv.Key, FromJson(kv.Value))).ToList()),
        JsonArray array => new HclList(array.Select(FromJson).ToList()),
        JsonValue value when value.TryGetValue<string>(out var s) => new HclString(s),
        JsonValue value when value.TryGetValue<bool>(out var b) => b,
        _ => new HclRaw(node.ToJsonString()),
    };

    /// <summary>A quoted HCL string: backslash, quote and control characters escaped; <c>${</c> and <c>%{</c> doubled so they stay literal.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var next = i + 1 < value.Length ? value[i + 1] : '\0';
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                '$' when next == '{' => sb.Append("$$"),
                '%' when next == '{' => sb.Append("%%"),
                _ when char.IsControl(c) => sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => sb.Append(c),
            };
        }

        return sb.Append('"').ToString();
    }

    /// <summary>An object key: bare when it is an identifier, quoted otherwise (e.g. <c>"aws:SourceArn"</c>).</summary>
    public static string Key(string key) => IdentifierPattern().IsMatch(key) ? key : Quote(key);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex IdentifierPattern();

    private sealed record JsonEncodeExpr(HclExpr Inner) : HclExpr
    {
        public override string Render(int indent) => $"jsonencode({Inner.Render(indent)})";
    }
}
