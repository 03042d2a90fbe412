using PciZone.Monitoring.Pipeline;
using PciZone.Monitoring.Records;
using PciZone.Monitoring.Rules;

namespace PciZone.Monitoring.Detection;

/// <summary>Creates the CloudTrail detection engine over a loaded rule set.</summary>
public static class MonitorDetector
{
    /// <summary>De-duplication window used when none is given: the last million eventIDs (16 bytes each).</summary>
    public const int DefaultDedupCapacity = 1_000_000;

    /// <summary>
    /// Compiles the valid rules of <paramref name="rules"/> (its errors are the caller's to report) into a
    /// detector. A detector is not thread-safe: create one per consumer. Time enters only through each
    /// record's eventTime and <see cref="IEventDetector.Advance"/>.
    /// </summary>
    /// <param name="rules">Rules from <see cref="MonitorRules.Load"/>.</param>
    /// <param name="dedupCapacity">How many recent eventIDs are remembered to drop duplicates.</param>
    public static IEventDetector Create(MonitorRuleSet rules, int dedupCapacity = DefaultDedupCapacity)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThan(dedupCapacity, 1);
        return CreateInternal(rules, dedupCapacity);
    }

    internal static CloudTrailDetector CreateInternal(MonitorRuleSet rules, int dedupCapacity = DefaultDedupCapacity)
    {
        var paths = new PathTable();
        var compiled = new List<CompiledRule>(rules.Definitions.Count);
        foreach (var definition in rules.Definitions)
        {
            compiled.Add(RuleCompiler.Compile(definition, paths, compiled.Count));
        }

        return new CloudTrailDetector(compiled, paths, dedupCapacity);
    }
}
