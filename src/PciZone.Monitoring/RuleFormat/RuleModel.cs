using PciZone.Monitoring.Detection;

namespace PciZone.Monitoring.RuleFormat;

/// <summary>How a field test decides.</summary>
internal enum FieldOp
{
    /// <summary>Any (or with <c>|all</c> every) value matches.</summary>
    Match,

    /// <summary><c>|exists: true</c>.</summary>
    Exists,

    /// <summary><c>|exists: false</c>.</summary>
    Absent,
}

/// <summary>One <c>path|modifiers: values</c> entry of a selection.</summary>
/// <param name="MatchNull">A <c>null</c> value was listed: the field absent or JSON null matches.</param>
internal sealed record FieldTest(string Path, FieldOp Op, IReadOnlyList<ValueMatcher> Values, bool All, bool MatchNull);

/// <summary>A named selection: OR over alternatives, each an AND of field tests.</summary>
internal sealed record Selection(string Name, IReadOnlyList<IReadOnlyList<FieldTest>> Alternatives);

/// <summary>The parsed condition (quantifiers already expanded into and/or over selection names).</summary>
internal abstract record Condition;

internal sealed record AndCondition(Condition Left, Condition Right) : Condition;

internal sealed record OrCondition(Condition Left, Condition Right) : Condition;

internal sealed record NotCondition(Condition Operand) : Condition;

internal sealed record SelectionRef(string Name) : Condition;

/// <summary><c>pcizone.threshold</c>: at least Count matches sharing the By values within Window.</summary>
internal sealed record ThresholdSpec(int Count, TimeSpan Window, IReadOnlyList<string> By);

/// <summary><c>pcizone.silence</c>: a key seen before has no event for longer than Window.</summary>
internal sealed record SilenceSpec(TimeSpan Window, IReadOnlyList<string> By);

/// <summary>A fully validated rule, ready to compile over path ids.</summary>
internal sealed record RuleDefinition(
    Rules.MonitorRuleInfo Info,
    IReadOnlyList<Selection> Selections,
    Condition Condition,
    ThresholdSpec? Threshold,
    SilenceSpec? Silence)
{
    /// <summary>Where the id is written, for errors about the id (duplicates, built-in id form).</summary>
    public (int Line, int Column) IdPosition { get; init; }
}
