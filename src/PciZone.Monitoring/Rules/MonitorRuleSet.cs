using PciZone.Monitoring.RuleFormat;

namespace PciZone.Monitoring.Rules;

/// <summary>The rules that loaded, and the errors of those that did not.</summary>
public sealed class MonitorRuleSet
{
    internal MonitorRuleSet(IReadOnlyList<RuleDefinition> definitions, IReadOnlyList<RuleLoadError> errors, IReadOnlyList<InactiveRule>? inactive = null)
    {
        Definitions = definitions;
        Errors = errors;
        Inactive = inactive ?? [];
        Rules = [.. definitions.Select(d => d.Info)];
    }

    /// <summary>The valid rules, built-in first, then user rules in path order.</summary>
    public IReadOnlyList<MonitorRuleInfo> Rules { get; }

    /// <summary>Rules that stay off until their placeholders have values (not errors; reported to the user).</summary>
    public IReadOnlyList<InactiveRule> Inactive { get; }

    /// <summary>Errors, each with file, line and column.</summary>
    public IReadOnlyList<RuleLoadError> Errors { get; }

    internal IReadOnlyList<RuleDefinition> Definitions { get; }
}
