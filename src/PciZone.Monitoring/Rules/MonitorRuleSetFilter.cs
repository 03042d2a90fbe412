namespace PciZone.Monitoring.Rules;

/// <summary>Switching rules off by id (<c>monitor.disable</c> in the config).</summary>
public static class MonitorRuleSetFilter
{
    /// <summary>The same set without the rules whose ids are given (case-insensitive); errors are kept.</summary>
    public static MonitorRuleSet Without(this MonitorRuleSet set, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(set);
        var drop = new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase);
        return new MonitorRuleSet([.. set.Definitions.Where(d => !drop.Contains(d.Info.Id))], set.Errors, [.. set.Inactive.Where(r => !drop.Contains(r.Id))]);
    }
}
