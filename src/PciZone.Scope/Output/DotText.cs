using System.Text;

namespace PciZone.Scope.Output;

/// <summary>Graphviz DOT quoting for values that come from the scanned code.</summary>
internal static class DotText
{
    /// <summary>
    /// A DOT double-quoted string that Graphviz shows exactly as <paramref name="text"/>. Labels and
    /// tooltips are escString, where a backslash starts an escape (<c>\n</c>, <c>\N</c>, <c>\G</c>, ...):
    /// backslashes are doubled and quotes escaped; a line break becomes <c>\n</c> (a centred line) and
    /// other control characters become spaces. Always quoted, never an HTML label, so <c>&lt;&gt;{}|</c>
    /// are plain characters.
    /// </summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    sb.Append(@"\\");
                    break;
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\r':
                    sb.Append(@"\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    sb.Append(@"\n");
                    break;
                default:
                    sb.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Lines of a label, each quoted, joined with DOT's centred line break.</summary>
    public static string Lines(IEnumerable<string> lines)
    {
        var quoted = lines.Select(l => Quote(l)[1..^1]);
        return "\"" + string.Join(@"\n", quoted) + "\"";
    }
}
