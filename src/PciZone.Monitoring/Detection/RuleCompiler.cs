using PciZone.Monitoring.Records;
using PciZone.Monitoring.RuleFormat;

namespace PciZone.Monitoring.Detection;

/// <summary>Compiles validated rule definitions over one shared <see cref="PathTable"/>.</summary>
internal static class RuleCompiler
{
    public static CompiledRule Compile(RuleDefinition definition, PathTable paths, int index)
    {
        var selections = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var selection in definition.Selections)
        {
            var alternatives = new CompiledField[selection.Alternatives.Count][];
            for (var i = 0; i < alternatives.Length; i++)
            {
                var tests = selection.Alternatives[i];
                alternatives[i] = new CompiledField[tests.Count];
                for (var j = 0; j < tests.Count; j++)
                {
                    var t = tests[j];
                    alternatives[i][j] = new CompiledField(paths.Intern(t.Path), t.Op, [.. t.Values], t.All, t.MatchNull);
                }
            }

            selections[selection.Name] = new SelectionNode(alternatives);
        }

        var by = definition.Threshold?.By ?? definition.Silence?.By ?? [];
        var byPaths = new int[by.Count];
        for (var i = 0; i < byPaths.Length; i++)
        {
            byPaths[i] = paths.Intern(by[i]);
        }

        return new CompiledRule(definition, Build(definition.Condition, selections), byPaths, index);
    }

    private static Node Build(Condition c, Dictionary<string, Node> selections) => c switch
    {
        AndCondition a => new AndNode(Build(a.Left, selections), Build(a.Right, selections)),
        OrCondition o => new OrNode(Build(o.Left, selections), Build(o.Right, selections)),
        NotCondition n => new NotNode(Build(n.Operand, selections)),
        SelectionRef s => selections[s.Name],
        _ => throw new InvalidOperationException("unknown condition node"),
    };

    /// <summary>
    /// The values <paramref name="field"/> (eventName or eventSource) must take for the rule to match, or
    /// null when the condition does not pin it down (a negation, or a branch that does not name it).
    /// </summary>
    public static HashSet<string>? RequiredValues(RuleDefinition definition, string field)
    {
        return Required(definition.Condition);

        HashSet<string>? Required(Condition c)
        {
            switch (c)
            {
                case AndCondition a:
                    var l = Required(a.Left);
                    var r = Required(a.Right);
                    if (l is null || r is null)
                    {
                        return l ?? r;
                    }

                    l.IntersectWith(r);
                    return l;
                case OrCondition o:
                    var lo = Required(o.Left);
                    var ro = Required(o.Right);
                    if (lo is null || ro is null)
                    {
                        return null;
                    }

                    lo.UnionWith(ro);
                    return lo;
                case SelectionRef s:
                    return FromSelection(definition.Selections.First(x => x.Name == s.Name));
                default:
                    return null;
            }
        }

        HashSet<string>? FromSelection(Selection selection)
        {
            var union = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var alternative in selection.Alternatives)
            {
                var pinned = alternative.FirstOrDefault(t =>
                    t.Path == field && t.Op == FieldOp.Match && !t.MatchNull && t.Values.Count > 0
                    && (!t.All || t.Values.Count == 1) && t.Values.All(v => v is EqualsMatcher));
                if (pinned is null)
                {
                    return null;
                }

                union.UnionWith(pinned.Values.Select(v => System.Text.Encoding.UTF8.GetString(((EqualsMatcher)v).Lowered)));
            }

            return union;
        }
    }
}
