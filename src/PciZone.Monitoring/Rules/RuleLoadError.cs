using System.Globalization;

namespace PciZone.Monitoring.Rules;

/// <summary>A rule (or placeholder file) that could not be loaded, with where the problem is.</summary>
/// <param name="File">The rule file (a path, or <c>monitor-rules/...</c> for a built-in rule).</param>
/// <param name="Line">1-based line; 0 when the whole file is meant.</param>
/// <param name="Column">1-based column; 0 when the whole file is meant.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RuleLoadError(string File, int Line, int Column, string Message)
{
    /// <summary>Set when the problem is only that a <c>%placeholder%</c> has no configured values.</summary>
    public string? MissingPlaceholder { get; init; }

    /// <summary><c>file:line:column: message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Message}");
}

/// <summary>
/// A rule that loads but stays off until its placeholders have values: a built-in rule about the CDE cannot
/// know which buckets hold card data. Listed, never silently dropped.
/// </summary>
/// <param name="Id">The rule id.</param>
/// <param name="Source">The rule file.</param>
/// <param name="MissingPlaceholders">Placeholder names without values, in first-use order.</param>
public sealed record InactiveRule(string Id, string Source, IReadOnlyList<string> MissingPlaceholders);
