using System.Globalization;

namespace PciZone.Monitoring.Rules;

/// <summary>A rule (or placeholder file) that could not be loaded, with where the problem is.</summary>
/// <param name="File">The rule file (a path, or <c>monitor-rules/...</c> for a built-in rule).</param>
/// <param name="Line">1-based line; 0 when the whole file is meant.</param>
/// <param name="Column">1-based column; 0 when the whole file is meant.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RuleLoadError(string File, int Line, int Column, string Message)
{
    /// <summary><c>file:line:column: message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Message}");
}
