using PciZone.Monitoring.RuleFormat;

namespace PciZone.Monitoring.Rules;

/// <summary>The rules that loaded, and the errors of those that did not.</summary>
public sealed class MonitorRuleSet
{
    internal MonitorRuleSet(IReadOnlyList<RuleDefinition> definitions, IReadOnlyList<RuleLoadError> errors)
    {
        Definitions = definitions;
        Errors = errors;
        Rules = [.. definitions.Select(d => d.Info)];
    }

    /// <summary>The valid rules, built-in first, then user rules in path order.</summary>
    public IReadOnlyList<MonitorRuleInfo> Rules { get; }

    /// <summary>Errors, each with file, line and column.</summary>
    public IReadOnlyList<RuleLoadError> Errors { get; }

    internal IReadOnlyList<RuleDefinition> Definitions { get; }
}
