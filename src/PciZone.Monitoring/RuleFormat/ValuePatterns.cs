using System.Text;
using PciZone.Monitoring.Detection;

namespace PciZone.Monitoring.RuleFormat;

/// <summary>Which string modifier applies to a value.</summary>
internal enum StringMode
{
    Equals,
    Contains,
    StartsWith,
    EndsWith,
}

/// <summary>
/// Turns a Sigma value into the cheapest matcher: wildcards are parsed (<c>\</c> escapes <c>*</c>, <c>?</c>
/// and <c>\</c>; before anything else it is a literal backslash), the modifier adds leading or trailing
/// stars, and the token shape picks equality, prefix, suffix, substring, any, or a general glob.
/// </summary>
internal static class ValuePatterns
{
    public static ValueMatcher Build(string text, StringMode mode)
    {
        var tokens = new List<GlobToken>();
        if (mode is StringMode.Contains or StringMode.EndsWith)
        {
            tokens.Add(new GlobToken(GlobKind.Star, 0));
        }

        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '*' or '?' or '\\')
            {
                tokens.Add(new GlobToken(GlobKind.Literal, (byte)text[++i]));
            }
            else if (c is '*' or '?')
            {
                if (c == '?' || tokens.Count == 0 || tokens[^1].Kind != GlobKind.Star)
                {
                    tokens.Add(new GlobToken(c == '*' ? GlobKind.Star : GlobKind.One, 0));
                }
            }
            else
            {
                var n = char.IsSurrogate(c) && i + 1 < text.Length
                    ? Encoding.UTF8.GetBytes(text.AsSpan(i++, 2), utf8)
                    : Encoding.UTF8.GetBytes(text.AsSpan(i, 1), utf8);
                foreach (var b in utf8[..n])
                {
                    tokens.Add(new GlobToken(GlobKind.Literal, AsciiFold.Lower(b)));
                }
            }
        }

        if (mode is StringMode.Contains or StringMode.StartsWith && (tokens.Count == 0 || tokens[^1].Kind != GlobKind.Star))
        {
            tokens.Add(new GlobToken(GlobKind.Star, 0));
        }

        return Classify(tokens, text);
    }

    private static ValueMatcher Classify(List<GlobToken> tokens, string text)
    {
        var first = 0;
        var last = tokens.Count - 1;
        var leadingStar = tokens.Count > 0 && tokens[0].Kind == GlobKind.Star;
        var trailingStar = tokens.Count > 1 && tokens[^1].Kind == GlobKind.Star;
        if (leadingStar)
        {
            first++;
        }

        if (trailingStar)
        {
            last--;
        }

        var literal = new List<byte>();
        for (var i = first; i <= last; i++)
        {
            if (tokens[i].Kind != GlobKind.Literal)
            {
                return new GlobMatcher([.. tokens]) { Text = text };
            }

            literal.Add(tokens[i].Byte);
        }

        byte[] bytes = [.. literal];
        return (leadingStar, trailingStar) switch
        {
            (true, _) when tokens.Count == 1 => new AnyMatcher { Text = text },
            (false, false) => new EqualsMatcher(bytes) { Text = text },
            (false, true) => new StartsWithMatcher(bytes) { Text = text },
            (true, false) => new EndsWithMatcher(bytes) { Text = text },
            (true, true) => new ContainsMatcher(bytes) { Text = text },
        };
    }
}
