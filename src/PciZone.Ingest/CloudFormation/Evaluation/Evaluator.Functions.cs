using System.Globalization;
using System.Text;

namespace PciZone.Ingest.CloudFormation;

/// <summary>The list and string functions.</summary>
internal sealed partial class Evaluator
{
    private Eval Sub(CfnNode arg, int line, bool placeholders, int depth)
    {
        CfnNode format;
        CfnNode? variables = null;
        if (arg.IsSequence && arg.Items.Count == 2)
        {
            (format, variables) = (arg.Items[0], arg.Items[1]);
        }
        else
        {
            format = arg;
        }

        if (!format.IsScalar)
        {
            return Eval.Unknown($"Fn::Sub needs a string (line {line})");
        }

        var text = format.Text!;
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("${", i, StringComparison.Ordinal);
            var close = open < 0 ? -1 : text.IndexOf('}', open + 2);
            if (open < 0 || close < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            result.Append(text, i, open - i);
            i = close + 1;
            if (text[open + 2] == '!')
            {
                // ${!Literal} is written out as ${Literal}.
                result.Append("${").Append(text, open + 3, close - open - 3).Append('}');
                continue;
            }

            var name = text.Substring(open + 2, close - open - 2).Trim();
            var e = SubVariable(name, variables, line, placeholders, depth, out var value);
            if (!e.IsNode)
            {
                // A format that is nothing but one resource attribute still points at that resource.
                return open == 0 && i == text.Length && e.Target is not null ? e : Eval.Unknown(e.Reason ?? $"Fn::Sub ${{{name}}} is empty (line {line})");
            }

            result.Append(value);
        }

        return Eval.Of(CfnNode.Scalar(result.ToString(), format.Line, format.Column));
    }

    private Eval SubVariable(string name, CfnNode? variables, int line, bool placeholders, int depth, out string value)
    {
        value = "";
        if (variables?.Get(name) is { } given)
        {
            return Text(given, placeholders, depth, out value);
        }

        var what = $"Fn::Sub ${{{name}}}";
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var e = dot > 0
            ? AttributeOf(name[..dot], name[(dot + 1)..], what, line, placeholders)
            : RefName(name, what, line, placeholders);
        if (e.IsNode && e.Node!.IsScalar)
        {
            value = e.Node.Text!;
        }
        else if (e.IsNode)
        {
            return Eval.Unknown($"{what} is not a string (line {line})");
        }

        return e;
    }

    private Eval Join(CfnNode arg, int line, bool placeholders, int depth)
    {
        if (!arg.IsSequence || arg.Items.Count != 2)
        {
            return Eval.Unknown($"Fn::Join needs [delimiter, list] (line {line})");
        }

        var e = Text(arg.Items[0], placeholders, depth, out var delimiter);
        if (!e.IsNode)
        {
            return e;
        }

        var list = Resolve(arg.Items[1], placeholders, depth);
        if (!list.IsNode || !list.Node!.IsSequence)
        {
            return list.IsUnknown ? Eval.Unknown(list.Reason!) : Eval.Unknown($"Fn::Join needs a list (line {line})");
        }

        var parts = new List<string>(list.Node.Items.Count);
        foreach (var item in list.Node.Items)
        {
            e = Text(item, placeholders, depth, out var part);
            if (e.IsNoValue)
            {
                continue;
            }

            if (!e.IsNode)
            {
                return Eval.Unknown(e.Reason!);
            }

            parts.Add(part);
        }

        return Eval.Of(CfnNode.Scalar(string.Join(delimiter, parts), arg.Line, arg.Column));
    }

    private Eval Select(CfnNode arg, int line, bool placeholders, int depth)
    {
        if (!arg.IsSequence || arg.Items.Count != 2)
        {
            return Eval.Unknown($"Fn::Select needs [index, list] (line {line})");
        }

        var e = Text(arg.Items[0], placeholders, depth, out var indexText);
        if (!e.IsNode)
        {
            return e;
        }

        var list = Resolve(arg.Items[1], placeholders, depth);
        if (!list.IsNode)
        {
            return list.IsUnknown ? Eval.Unknown(list.Reason!) : Eval.Unknown($"Fn::Select from nothing (line {line})");
        }

        if (!list.Node!.IsSequence || !int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ||
            index >= list.Node.Items.Count)
        {
            return Eval.Unknown($"Fn::Select index {indexText} is not in the list (line {line})");
        }

        return Resolve(list.Node.Items[index], placeholders, depth);
    }

    private Eval Split(CfnNode arg, int line, bool placeholders, int depth)
    {
        if (!arg.IsSequence || arg.Items.Count != 2)
        {
            return Eval.Unknown($"Fn::Split needs [delimiter, string] (line {line})");
        }

        var e = Text(arg.Items[0], placeholders, depth, out var delimiter);
        if (e.IsNode)
        {
            e = Text(arg.Items[1], placeholders, depth, out var source);
            if (e.IsNode)
            {
                if (delimiter.Length == 0)
                {
                    return Eval.Unknown($"Fn::Split needs a delimiter (line {line})");
                }

                var items = source.Split(delimiter).Select(s => CfnNode.Scalar(s, arg.Line, arg.Column)).ToList();
                return Eval.Of(CfnNode.Sequence(items, arg.Line, arg.Column));
            }
        }

        return e.IsNoValue ? Eval.Unknown($"Fn::Split of nothing (line {line})") : Eval.Unknown(e.Reason!);
    }

    private Eval FindInMap(CfnNode arg, int line, bool placeholders, int depth)
    {
        if (!arg.IsSequence || arg.Items.Count is < 3 or > 4)
        {
            return Eval.Unknown($"Fn::FindInMap needs [map, key, key] (line {line})");
        }

        var keys = new string[3];
        for (var k = 0; k < 3; k++)
        {
            var e = Text(arg.Items[k], placeholders, depth, out keys[k]);
            if (!e.IsNode)
            {
                return e.IsUnknown ? Eval.Unknown($"Fn::FindInMap key: {e.Reason}") : Eval.Unknown($"Fn::FindInMap key is empty (line {line})");
            }
        }

        if (Template.Mappings?.Get(keys[0])?.Get(keys[1])?.Get(keys[2]) is { } found)
        {
            return Resolve(found, placeholders, depth);
        }

        if (arg.Items.Count == 4 && arg.Items[3].Get("DefaultValue") is { } fallback)
        {
            return Resolve(fallback, placeholders, depth);
        }

        return Eval.Unknown($"Fn::FindInMap: Mappings has no {keys[0]}/{keys[1]}/{keys[2]} (line {line})");
    }

    private Eval If(CfnNode arg, int line, bool placeholders, int depth)
    {
        if (!arg.IsSequence || arg.Items.Count != 3 || !arg.Items[0].IsScalar)
        {
            return Eval.Unknown($"Fn::If needs [condition, then, else] (line {line})");
        }

        var truth = Condition(arg.Items[0].Text!, line, depth);
        return truth.Value switch
        {
            true => Resolve(arg.Items[1], placeholders, depth),
            false => Resolve(arg.Items[2], placeholders, depth),
            null => Eval.Unknown($"Fn::If {arg.Items[0].Text}: {truth.Reason}"),
        };
    }

    private Eval Base64(CfnNode arg, bool placeholders, int depth)
    {
        var e = Text(arg, placeholders, depth, out var text);
        return e.IsNode
            ? Eval.Of(CfnNode.Scalar(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), arg.Line, arg.Column))
            : e;
    }
}
