using System.Text;

namespace PciZone.Reporting;

/// <summary>Fitting text into fixed-width plain-text columns.</summary>
internal static class TextLayout
{
    public const int Width = 120;

    /// <summary>Cuts text to a width, marking the cut with "...".</summary>
    public static string Truncate(string text, int width)
    {
        var clean = Flatten(text);
        return clean.Length <= width ? clean : string.Concat(clean.AsSpan(0, Math.Max(0, width - 3)), "...");
    }

    /// <summary>
    /// Word-wraps text into lines of at most <paramref name="width"/> characters; line breaks in the
    /// text are kept and a word longer than the width is split rather than overflowing.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in Flatten(paragraph).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = word;
                if (line.Length > 0 && line.Length + 1 + w.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                while (w.Length > width)
                {
                    if (line.Length > 0)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                    }

                    lines.Add(w[..width]);
                    w = w[width..];
                }

                if (line.Length > 0)
                {
                    line.Append(' ');
                }

                line.Append(w);
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
            }
        }

        return lines.Count == 0 ? [""] : lines;
    }

    /// <summary>Control characters (tabs, escapes) become spaces so no input can move the cursor or colour the terminal.</summary>
    public static string Flatten(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = char.IsControl(t[i]) ? ' ' : t[i];
            }
        });
    }
}
