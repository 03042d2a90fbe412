namespace PciZone.Ingest.CloudFormation;

/// <summary>Conditions, evaluated from parameter defaults and remembered per name.</summary>
internal sealed partial class Evaluator
{
    private readonly Dictionary<string, Truth> _conditions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);

    /// <summary>The truth of a named condition.</summary>
    public Truth Condition(string name, int line, int depth = 0)
    {
        if (_conditions.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!Template.Conditions.TryGetValue(name, out var node))
        {
            return Truth.Unknown($"condition {name} is not declared (line {line})");
        }

        if (depth > TemplateLimits.MaxEvaluationDepth || !_evaluating.Add(name))
        {
            return Truth.Unknown($"condition {name} refers to itself (line {line})");
        }

        var truth = TruthOf(node, depth + 1);
        _evaluating.Remove(name);
        _conditions[name] = truth;
        return truth;
    }

    private Truth TruthOf(CfnNode node, int depth)
    {
        var name = node.FunctionName(allowCondition: true);
        var arg = name is null ? node : node.Entries[0].Value;
        var line = name is null ? node.Line : node.Entries[0].Line;
        switch (name)
        {
            case "Condition" when arg.IsScalar:
                return Condition(arg.Text!, line, depth);
            case "Fn::Equals" when arg is { IsSequence: true, Items.Count: 2 }:
                return EqualsOf(arg, line, depth);
            case "Fn::Not" when arg is { IsSequence: true, Items.Count: 1 }:
            {
                var inner = TruthOf(arg.Items[0], depth + 1);
                return inner.Value is { } v ? Truth.Of(!v) : inner;
            }

            case "Fn::And" or "Fn::Or" when arg.IsSequence:
                return Combine(arg, name == "Fn::And", depth);
            case null when node.IsScalar && bool.TryParse(node.Text, out var literal):
                return Truth.Of(literal);
            default:
                return Truth.Unknown($"{name ?? "value"} at line {line} is not a condition");
        }
    }

    private Truth EqualsOf(CfnNode arg, int line, int depth)
    {
        var left = Text(arg.Items[0], false, depth, out var a);
        if (!left.IsNode)
        {
            return Truth.Unknown($"Fn::Equals: {left.Reason ?? $"nothing to compare (line {line})"}");
        }

        var right = Text(arg.Items[1], false, depth, out var b);
        return right.IsNode
            ? Truth.Of(string.Equals(a, b, StringComparison.Ordinal))
            : Truth.Unknown($"Fn::Equals: {right.Reason ?? $"nothing to compare (line {line})"}");
    }

    // And is false as soon as one part is false even if others are unknown; Or likewise with true.
    private Truth Combine(CfnNode arg, bool isAnd, int depth)
    {
        string? unknown = null;
        foreach (var part in arg.Items)
        {
            var t = TruthOf(part, depth + 1);
            if (t.Value is { } v)
            {
                if (v != isAnd)
                {
                    return Truth.Of(v);
                }
            }
            else
            {
                unknown ??= t.Reason;
            }
        }

        return unknown is null ? Truth.Of(isAnd) : Truth.Unknown(unknown);
    }

    private Eval TruthValue(CfnNode node, int line, int depth)
    {
        var t = TruthOf(node, depth);
        return t.Value is { } v
            ? Eval.Of(CfnNode.Scalar(v ? "true" : "false", line, 0))
            : Eval.Unknown(t.Reason!);
    }
}
