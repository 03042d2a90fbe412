using PciZone.Monitoring.Records;
using PciZone.Monitoring.RuleFormat;
using PciZone.Monitoring.Rules;

namespace PciZone.Monitoring.Detection;

/// <summary>A field test over a path id.</summary>
internal sealed class CompiledField(int pathId, FieldOp op, ValueMatcher[] values, bool all, bool matchNull)
{
    public bool Matches(RecordView r)
    {
        var first = r.First(pathId);
        switch (op)
        {
            case FieldOp.Exists:
                return first >= 0;
            case FieldOp.Absent:
                return first < 0;
        }

        if (matchNull)
        {
            if (first < 0)
            {
                return true;
            }

            for (var e = first; e >= 0; e = r.Next(e))
            {
                if (r.Kind(e) == ValueKind.Null)
                {
                    return true;
                }
            }
        }

        return all ? MatchesAll(r, first) : MatchesAny(r, first);
    }

    private bool MatchesAny(RecordView r, int first)
    {
        for (var e = first; e >= 0; e = r.Next(e))
        {
            if (r.Kind(e) > ValueKind.False)
            {
                continue;
            }

            var bytes = r.Bytes(e);
            foreach (var m in values)
            {
                if (m.Match(bytes))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool MatchesAll(RecordView r, int first)
    {
        foreach (var m in values)
        {
            var any = false;
            for (var e = first; e >= 0 && !any; e = r.Next(e))
            {
                any = r.Kind(e) <= ValueKind.False && m.Match(r.Bytes(e));
            }

            if (!any)
            {
                return false;
            }
        }

        return values.Length > 0;
    }
}

/// <summary>A compiled condition node.</summary>
internal abstract class Node
{
    public abstract bool Eval(RecordView r);
}

internal sealed class AndNode(Node left, Node right) : Node
{
    public override bool Eval(RecordView r) => left.Eval(r) && right.Eval(r);
}

internal sealed class OrNode(Node left, Node right) : Node
{
    public override bool Eval(RecordView r) => left.Eval(r) || right.Eval(r);
}

internal sealed class NotNode(Node operand) : Node
{
    public override bool Eval(RecordView r) => !operand.Eval(r);
}

/// <summary>A selection: OR over alternatives, each an AND of field tests.</summary>
internal sealed class SelectionNode(CompiledField[][] alternatives) : Node
{
    public override bool Eval(RecordView r)
    {
        foreach (var fields in alternatives)
        {
            var ok = true;
            foreach (var f in fields)
            {
                if (!f.Matches(r))
                {
                    ok = false;
                    break;
                }
            }

            if (ok)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One rule compiled over the shared path table.</summary>
internal sealed class CompiledRule(RuleDefinition definition, Node root, int[] byPaths, int index)
{
    public RuleDefinition Definition { get; } = definition;

    public MonitorRuleInfo Info => Definition.Info;

    public string Id => Definition.Info.Id;

    /// <summary>Position in the rule set: the order alerts of one record are raised in.</summary>
    public int Index { get; } = index;

    /// <summary>Path ids of threshold or silence <c>by</c> fields.</summary>
    public int[] ByPaths { get; } = byPaths;

    public bool Matches(RecordView r) => root.Eval(r);
}
