using System.Text.RegularExpressions;

namespace PciZone.Monitoring.RuleFormat;

/// <summary>A condition that does not parse; <see cref="Offset"/> is the character offset in the condition text.</summary>
internal sealed class ConditionException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}

/// <summary>
/// Parses <c>condition</c>: selection names, <c>not</c> &gt; <c>and</c> &gt; <c>or</c>, parentheses,
/// <c>1 of x*</c>, <c>all of x*</c>, <c>1 of them</c>, <c>all of them</c>. Quantifiers are expanded here
/// into or/and over the matching names, so the evaluator knows only four node kinds.
/// </summary>
internal sealed partial class ConditionParser
{
    private readonly List<(string Text, int Offset)> _tokens;
    private readonly IReadOnlyList<string> _names;
    private readonly int _end;
    private int _at;

    private ConditionParser(string text, IReadOnlyList<string> names)
    {
        _names = names;
        _end = text.Length;
        _tokens = [];
        foreach (Match m in Token().Matches(text))
        {
            if (m.Groups["bad"].Success)
            {
                var what = m.Value == "|" ? "aggregations ('| count()' and the like) are not supported" : $"unexpected character '{m.Value}'";
                throw new ConditionException(what, m.Index);
            }

            _tokens.Add((m.Value, m.Index));
        }
    }

    public static Condition Parse(string text, IReadOnlyList<string> selectionNames)
    {
        var parser = new ConditionParser(text, selectionNames);
        if (parser._tokens.Count == 0)
        {
            throw new ConditionException("the condition is empty", 0);
        }

        var result = parser.ParseOr();
        if (parser._at < parser._tokens.Count)
        {
            throw new ConditionException($"unexpected '{parser.Peek}'", parser.Offset);
        }

        return result;
    }

    private string? Peek => _at < _tokens.Count ? _tokens[_at].Text : null;

    private int Offset => _at < _tokens.Count ? _tokens[_at].Offset : _end;

    private Condition ParseOr()
    {
        var left = ParseAnd();
        while (Peek == "or")
        {
            _at++;
            left = new OrCondition(left, ParseAnd());
        }

        return left;
    }

    private Condition ParseAnd()
    {
        var left = ParseNot();
        while (Peek == "and")
        {
            _at++;
            left = new AndCondition(left, ParseNot());
        }

        return left;
    }

    private Condition ParseNot()
    {
        if (Peek == "not")
        {
            _at++;
            return new NotCondition(ParseNot());
        }

        return ParsePrimary();
    }

    private Condition ParsePrimary()
    {
        var token = Peek ?? throw new ConditionException("the condition ends where a selection was expected", _end);
        var offset = Offset;
        _at++;
        switch (token)
        {
            case "(":
                var inner = ParseOr();
                if (Peek != ")")
                {
                    throw new ConditionException("missing ')'", Offset);
                }

                _at++;
                return inner;
            case "1" or "all":
                return ParseQuantifier(token == "all");
            case ")" or "and" or "or" or "of" or "them":
                throw new ConditionException($"unexpected '{token}'", offset);
        }

        if (char.IsDigit(token[0]))
        {
            throw new ConditionException($"'{token} of' is not supported; use '1 of' or 'all of'", offset);
        }

        if (token.Contains('*', StringComparison.Ordinal))
        {
            throw new ConditionException($"a wildcard name '{token}' needs '1 of' or 'all of'", offset);
        }

        if (!_names.Contains(token))
        {
            throw new ConditionException(
                token is "near" or "count" ? $"'{token}' is not supported" : $"unknown selection '{token}'", offset);
        }

        return new SelectionRef(token);
    }

    private Condition ParseQuantifier(bool all)
    {
        if (Peek != "of")
        {
            throw new ConditionException("expected 'of'", Offset);
        }

        _at++;
        var target = Peek ?? throw new ConditionException("expected a selection pattern or 'them' after 'of'", _end);
        var offset = Offset;
        _at++;
        List<string> names = [];
        foreach (var name in _names)
        {
            // Sigma: 'them' leaves out selections whose name starts with an underscore.
            if (target == "them" ? !name.StartsWith('_') : NameMatches(target, name))
            {
                names.Add(name);
            }
        }

        if (names.Count == 0 || target is "(" or ")" or "and" or "or" or "not")
        {
            throw new ConditionException($"'{target}' matches no selection", offset);
        }

        Condition result = new SelectionRef(names[0]);
        for (var i = 1; i < names.Count; i++)
        {
            result = all ? new AndCondition(result, new SelectionRef(names[i])) : new OrCondition(result, new SelectionRef(names[i]));
        }

        return result;
    }

    private static bool NameMatches(string pattern, string name)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(name, regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"[A-Za-z0-9_*.\-]+|[()]|(?<bad>\S)", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
