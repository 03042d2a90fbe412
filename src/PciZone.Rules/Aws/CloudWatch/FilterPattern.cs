using System.Globalization;
using System.Text.Json;
using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudWatch;

/// <summary>
/// Evaluates a CloudWatch Logs filter pattern against one sample log event, so that a rule can ask
/// "would this filter count that event?" instead of searching the pattern for words. JSON patterns
/// (<c>{ $.a = "x" &amp;&amp; ($.b != y || $.c NOT EXISTS) }</c>) and term patterns (<c>"x" -y ?z</c>)
/// are understood; anything else (space-delimited <c>[a, b]</c> patterns) is undecided.
/// </summary>
internal static class FilterPattern
{
    /// <summary>True or false when the pattern does or does not match the event; null when the pattern cannot be read.</summary>
    public static bool? Matches(string pattern, JsonElement logEvent)
    {
        var p = pattern.Trim();
        if (p.Length == 0)
        {
            return true;
        }

        if (p[0] == '{')
        {
            if (p[^1] != '}')
            {
                return null;
            }

            var parser = new JsonPatternParser(p[1..^1], logEvent);
            return parser.Run();
        }

        return p[0] == '[' ? null : MatchTerms(p, logEvent.GetRawText());
    }

    // CloudWatch Logs values are case-sensitive and know one wildcard, '*'.
    private static bool Glob(string pattern, string text) => Wildcard.Matches(pattern, text, ignoreCase: false, questionMark: false);

    private static bool? MatchTerms(string pattern, string text)
    {
        var any = new List<string>();
        var all = new List<string>();
        var none = new List<string>();
        var i = 0;
        while (i < pattern.Length)
        {
            if (char.IsWhiteSpace(pattern[i]))
            {
                i++;
                continue;
            }

            var list = pattern[i] switch { '?' => any, '-' => none, _ => all };
            if (pattern[i] is '?' or '-')
            {
                i++;
            }

            var term = ReadValue(pattern, ref i, stopAtOperators: false);
            if (term is null)
            {
                return null;
            }

            list.Add(term);
        }

        if (none.Any(t => text.Contains(t, StringComparison.Ordinal)))
        {
            return false;
        }

        return any.Count > 0
            ? any.Any(t => text.Contains(t, StringComparison.Ordinal))
            : all.All(t => text.Contains(t, StringComparison.Ordinal));
    }

    // A quoted string (backslash escapes) or a bare run of characters.
    private static string? ReadValue(string s, ref int i, bool stopAtOperators)
    {
        if (i < s.Length && s[i] == '"')
        {
            var sb = new System.Text.StringBuilder();
            for (i++; i < s.Length; i++)
            {
                if (s[i] == '\\' && i + 1 < s.Length)
                {
                    sb.Append(s[++i]);
                }
                else if (s[i] == '"')
                {
                    i++;
                    return sb.ToString();
                }
                else
                {
                    sb.Append(s[i]);
                }
            }

            return null;
        }

        var start = i;
        while (i < s.Length && !char.IsWhiteSpace(s[i]) && !(stopAtOperators && s[i] is ')' or '&' or '|'))
        {
            i++;
        }

        return i > start ? s[start..i] : null;
    }

    private sealed class JsonPatternParser(string text, JsonElement logEvent)
    {
        private int _i;
        private bool _failed;

        public bool? Run()
        {
            var result = Or();
            Skip();
            return _failed || _i != text.Length ? null : result;
        }

        private bool Or()
        {
            var value = And();
            while (Take("||"))
            {
                value |= And();
            }

            return value;
        }

        private bool And()
        {
            var value = Unary();
            while (Take("&&"))
            {
                value &= Unary();
            }

            return value;
        }

        private bool Unary()
        {
            if (Take("("))
            {
                var value = Or();
                if (!Take(")"))
                {
                    _failed = true;
                }

                return value;
            }

            return Comparison();
        }

        private bool Comparison()
        {
            Skip();
            var selector = ReadSelector();
            if (selector is null)
            {
                _failed = true;
                return false;
            }

            var field = Select(selector);
            if (Take("NOT EXISTS"))
            {
                return field is null;
            }

            if (Take("IS NULL"))
            {
                return field is { ValueKind: JsonValueKind.Null };
            }

            if (Take("IS TRUE"))
            {
                return field is { ValueKind: JsonValueKind.True };
            }

            if (Take("IS FALSE"))
            {
                return field is { ValueKind: JsonValueKind.False };
            }

            var op = new[] { "!=", "<=", ">=", "=", "<", ">" }.FirstOrDefault(Take);
            Skip();
            var value = op is null ? null : ReadValue(text, ref _i, stopAtOperators: true);
            if (value is null)
            {
                _failed = true;
                return false;
            }

            return op switch
            {
                "=" => field is { } f && Text(f) is { } t && Glob(value, t),

                // A field that the event does not have is not equal to anything.
                "!=" => field is not { } g || Text(g) is not { } u || !Glob(value, u),
                _ => op is not null && field is { ValueKind: JsonValueKind.Number } n && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && Compare(n.GetDouble(), op, x),
            };
        }

        private static bool Compare(double a, string op, double b) => op switch
        {
            "<" => a < b,
            ">" => a > b,
            "<=" => a <= b,
            _ => a >= b,
        };

        private static string? Text(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
            _ => null,
        };

        private string? ReadSelector()
        {
            if (_i >= text.Length || text[_i] != '$')
            {
                return null;
            }

            var start = _i;
            while (_i < text.Length && (char.IsLetterOrDigit(text[_i]) || text[_i] is '$' or '.' or '_' or '-' or '[' or ']' or '*'))
            {
                _i++;
            }

            return text[start.._i];
        }

        private JsonElement? Select(string selector)
        {
            JsonElement current = logEvent;
            foreach (var raw in selector[1..].Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (raw.StartsWith('[') && int.TryParse(raw.AsSpan(1, raw.Length - 2), out var index))
                {
                    if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                    {
                        return null;
                    }

                    current = current[index];
                }
                else if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(raw, out current))
                {
                    return null;
                }
            }

            return current;
        }

        private bool Take(string token)
        {
            Skip();
            if (string.CompareOrdinal(text, _i, token, 0, token.Length) != 0)
            {
                return false;
            }

            _i += token.Length;
            return true;
        }

        private void Skip()
        {
            while (_i < text.Length && char.IsWhiteSpace(text[_i]))
            {
                _i++;
            }
        }
    }
}
