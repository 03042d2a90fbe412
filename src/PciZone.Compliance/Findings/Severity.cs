namespace PciZone.Compliance;

/// <summary>How bad a failed rule is. Ordered: a gate at High also fails on Critical.</summary>
public enum Severity
{
    /// <summary>Informational.</summary>
    Info = 0,

    /// <summary>Low.</summary>
    Low = 1,

    /// <summary>Medium.</summary>
    Medium = 2,

    /// <summary>High.</summary>
    High = 3,

    /// <summary>Critical.</summary>
    Critical = 4,
}

/// <summary>The outcome of one rule on one resource.</summary>
public enum FindingStatus
{
    /// <summary>The resource meets the rule.</summary>
    Pass,

    /// <summary>The resource breaks the rule.</summary>
    Fail,

    /// <summary>The rule could not decide (a value unknown until apply, an unresolved reference).</summary>
    Unknown,

    /// <summary>A failure that an exception or inline suppression covers.</summary>
    Suppressed,
}

/// <summary>Maturity of a rule.</summary>
public enum RuleStatus
{
    /// <summary>New; may change.</summary>
    Experimental,

    /// <summary>Stable.</summary>
    Stable,
}

/// <summary>Parsing and printing of enums in their lower-case wire form.</summary>
public static class Wire
{
    /// <summary>Lower-case name (<c>high</c>, <c>fail</c>).</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>Parses a case-insensitive name.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
}
