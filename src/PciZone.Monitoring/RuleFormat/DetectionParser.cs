using System.Net;
using System.Text.RegularExpressions;
using PciZone.Monitoring.Detection;
using YamlDotNet.RepresentationModel;

namespace PciZone.Monitoring.RuleFormat;

/// <summary>Parses <c>detection</c>: named selections and the condition.</summary>
internal sealed partial class DetectionParser(YamlErrors e, IReadOnlyDictionary<string, IReadOnlyList<string>> placeholders)
{
    /// <summary>A regular expression gets this long per value before it counts as no match.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly string[] Reserved = ["and", "or", "not", "of", "them", "all", "1"];

    public (List<Selection> Selections, Condition Condition)? Parse(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            e.Add(node, "detection must be a mapping of selections and a condition");
            return null;
        }

        var before = e.Count;
        var selections = new List<Selection>();
        YamlScalarNode? condition = null;
        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (name == "condition")
            {
                condition = v as YamlScalarNode;
                if (condition is null)
                {
                    e.Add(v, v is YamlSequenceNode ? "a list of conditions is not supported; combine them with 'or'" : "condition must be text");
                }
            }
            else if (name == "timeframe")
            {
                e.Add(k, "'timeframe' is not supported; use pcizone.threshold");
            }
            else if (!SelectionName().IsMatch(name) || Reserved.Contains(name))
            {
                e.Add(k, $"'{name}' is not a valid selection name");
            }
            else if (ParseSelection(name, v) is { } selection)
            {
                selections.Add(selection);
            }
        }

        if (condition is null)
        {
            if (e.Count == before)
            {
                e.Add(node, "detection needs a condition");
            }

            return null;
        }

        if (e.Count > before)
        {
            return null;
        }

        try
        {
            return (selections, ConditionParser.Parse(condition.Value ?? "", selections.ConvertAll(s => s.Name)));
        }
        catch (ConditionException ex)
        {
            var quoted = condition.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted ? 1 : 0;
            e.Add((int)condition.Start.Line, (int)condition.Start.Column + ex.Offset + quoted, "condition: " + ex.Message);
            return null;
        }
    }

    private Selection? ParseSelection(string name, YamlNode node)
    {
        var alternatives = new List<IReadOnlyList<FieldTest>>();
        switch (node)
        {
            case YamlMappingNode map:
                alternatives.Add(ParseMap(map));
                break;
            case YamlSequenceNode seq when seq.Children.Count > 0:
                foreach (var item in seq.Children)
                {
                    if (item is YamlMappingNode m)
                    {
                        alternatives.Add(ParseMap(m));
                    }
                    else
                    {
                        e.Add(item, "keyword lists are not supported: a selection list holds field maps");
                    }
                }

                break;
            default:
                e.Add(node, $"selection '{name}' must be a field map or a list of field maps");
                return null;
        }

        return new Selection(name, alternatives);
    }

    private List<FieldTest> ParseMap(YamlMappingNode map)
    {
        var tests = new List<FieldTest>();
        if (map.Children.Count == 0)
        {
            e.Add(map, "an empty field map matches everything; name at least one field");
        }

        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } key } && ParseField(k, key, v) is { } test)
            {
                tests.Add(test);
            }
        }

        return tests;
    }

    private FieldTest? ParseField(YamlNode keyNode, string key, YamlNode valueNode)
    {
        var parts = key.Split('|');
        var path = parts[0];
        var before = e.Count;
        if (!FieldPaths.IsValid(path))
        {
            e.Add(keyNode, $"'{path}' is not a field path (dotted names, '[]' after a list)");
        }

        var mods = Modifiers.Parse(e, keyNode, parts.AsSpan(1));
        if (mods is null || e.Count > before)
        {
            return null;
        }

        var scalars = new List<YamlScalarNode>();
        switch (valueNode)
        {
            case YamlScalarNode s:
                scalars.Add(s);
                break;
            case YamlSequenceNode { Children.Count: > 0 } seq:
                foreach (var item in seq.Children)
                {
                    if (item is YamlScalarNode s2)
                    {
                        scalars.Add(s2);
                    }
                    else
                    {
                        e.Add(item, "a value list holds single values only");
                    }
                }

                break;
            default:
                e.Add(valueNode, "a field value must be a single value or a non-empty list of values");
                return null;
        }

        if (mods.Exists)
        {
            var flag = scalars.Count == 1 ? scalars[0].Value : null;
            if (flag is not ("true" or "false"))
            {
                e.Add(valueNode, "|exists takes true or false");
                return null;
            }

            return new FieldTest(path, flag == "true" ? FieldOp.Exists : FieldOp.Absent, [], false, false);
        }

        var matchers = new List<ValueMatcher>();
        var matchNull = false;
        foreach (var scalar in scalars)
        {
            if (YamlErrors.IsNull(scalar))
            {
                if (mods.All || mods.Mode != StringMode.Equals || mods.Regex || mods.Cidr || mods.Expand)
                {
                    e.Add(scalar, "null takes no modifiers");
                }

                matchNull = true;
                continue;
            }

            foreach (var text in mods.Expand ? Expand(scalar) : [scalar.Value ?? ""])
            {
                if (Build(scalar, text, mods) is { } matcher)
                {
                    matchers.Add(matcher);
                }
            }
        }

        return e.Count > before ? null : new FieldTest(path, FieldOp.Match, matchers, mods.All, matchNull);
    }

    private ValueMatcher? Build(YamlScalarNode node, string text, Modifiers mods)
    {
        if (mods.Regex)
        {
            try
            {
                return new RegexMatcher(new Regex(text, RegexOptions.CultureInvariant | RegexOptions.Compiled, RegexTimeout)) { Text = text };
            }
            catch (ArgumentException ex)
            {
                e.Add(node, $"invalid regular expression: {ex.Message}");
                return null;
            }
        }

        if (mods.Cidr)
        {
            if (IPNetwork.TryParse(text, out var network))
            {
                return new CidrMatcher(network) { Text = text };
            }

            e.Add(node, $"'{text}' is not a CIDR block (address/prefix)");
            return null;
        }

        return ValuePatterns.Build(text, mods.Mode);
    }

    private List<string> Expand(YamlScalarNode node)
    {
        var text = node.Value ?? "";
        var results = new List<string> { text };
        var found = false;
        foreach (Match m in Placeholder().Matches(text))
        {
            found = true;
            if (!placeholders.TryGetValue(m.Groups[1].Value, out var values) || values.Count == 0)
            {
                e.AddMissingPlaceholder(node, m.Groups[1].Value,
                    values is null ? $"unknown placeholder '%{m.Groups[1].Value}%'" : $"placeholder '%{m.Groups[1].Value}%' has no values");
                return [];
            }

            results = [.. results.SelectMany(r => values.Select(v => r.Replace(m.Value, v, StringComparison.Ordinal)))];
        }

        if (!found)
        {
            e.Add(node, "|expand needs a %placeholder% in the value");
            return [];
        }

        return results;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SelectionName();

    [GeneratedRegex("%([A-Za-z0-9_.-]+)%", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
