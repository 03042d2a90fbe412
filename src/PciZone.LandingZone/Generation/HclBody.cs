using System.Text;

namespace PciZone.LandingZone.Generation;

/// <summary>
/// The body of a block or a file: attributes, nested blocks, comments and blank lines, rendered exactly
/// as <c>terraform fmt</c> would write them (runs of one-line attributes align their equals signs;
/// a comment, a blank line, a block or a multi-line value ends a run).
/// </summary>
internal sealed class HclBody
{
    private readonly List<object> items = [];

    public HclBody Attribute(string name, HclExpr value)
    {
        items.Add(new Attr(name, value));
        return this;
    }

    public HclBody Comment(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            items.Add(new Note(line.TrimEnd()));
        }

        return this;
    }

    public HclBody Blank()
    {
        // terraform fmt keeps runs of blank lines; the generator never writes two in a row or one at the top.
        if (items.Count == 0 || items[^1] is BlankLine)
        {
            return this;
        }

        items.Add(BlankLine.Instance);
        return this;
    }

    public HclBody Block(string type, IReadOnlyList<string> labels, Action<HclBody> build)
    {
        var body = new HclBody();
        build(body);
        items.Add(new Nested(type, labels, body));
        return this;
    }

    public HclBody Block(string type, Action<HclBody> build) => Block(type, [], build);

    public void RenderInto(StringBuilder sb, int indent)
    {
        var pad = new string(' ', indent * 2);
        for (var i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case Attr attr:
                    var run = Run(i, indent);
                    var width = run.Max(a => a.Name.Length);
                    foreach (var a in run)
                    {
                        var rendered = a.Value.Render(indent);
                        var name = rendered.Contains('\n', StringComparison.Ordinal) ? a.Name : a.Name.PadRight(width);
                        sb.Append(pad).Append(name).Append(" = ").Append(rendered).Append('\n');
                    }

                    i += run.Count - 1;
                    _ = attr;
                    break;
                case Note note:
                    sb.Append(pad).Append(note.Text.Length == 0 ? "#" : "# " + note.Text).Append('\n');
                    break;
                case BlankLine:
                    sb.Append('\n');
                    break;
                case Nested block:
                    sb.Append(pad).Append(block.Type);
                    foreach (var label in block.Labels)
                    {
                        sb.Append(' ').Append(Hcl.Quote(label));
                    }

                    sb.Append(" {\n");
                    block.Body.RenderInto(sb, indent + 1);
                    sb.Append(pad).Append("}\n");
                    break;
            }
        }
    }

    /// <summary>The run of one-line attributes starting at <paramref name="start"/>; a multi-line attribute is a run of its own.</summary>
    private List<Attr> Run(int start, int indent)
    {
        var first = (Attr)items[start];
        if (first.Value.IsMultiLine(indent))
        {
            return [first];
        }

        var run = new List<Attr> { first };
        for (var j = start + 1; j < items.Count && items[j] is Attr next && !next.Value.IsMultiLine(indent); j++)
        {
            run.Add(next);
        }

        return run;
    }

    private sealed record Attr(string Name, HclExpr Value);

    private sealed record Note(string Text);

    private sealed record Nested(string Type, IReadOnlyList<string> Labels, HclBody Body);

    private sealed class BlankLine
    {
        public static readonly BlankLine Instance = new();
    }
}
