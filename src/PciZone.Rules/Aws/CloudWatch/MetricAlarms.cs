using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudWatch;

/// <summary>Log groups, the metric filters on them and the alarms on their metrics, indexed once per estate.</summary>
internal static class MetricAlarms
{
    /// <summary>A key that is the same for every reference to one log group: its address, else its name.</summary>
    public static string? GroupKey(AwsEstate estate, ResourceRef reference)
    {
        if (reference.Address is { } address)
        {
            return "address:" + address;
        }

        if (reference.Literal is not { Length: > 0 } literal)
        {
            return null;
        }

        var name = NameFromArn(literal);
        return EstateIndex.Resolve<LogGroup>(estate, ResourceRef.Id(name), "log-group-by-name", g => g.Name.GetOrDefault()) is { } group
            ? "address:" + group.Address
            : "name:" + name;
    }

    /// <summary>The metric filters on a log group, in estate order.</summary>
    public static IReadOnlyList<LogMetricFilter> FiltersOn(AwsEstate estate, string groupKey) =>
        estate.Memo("cwl-metric-filters-by-group", FiltersByGroup).GetValueOrDefault(groupKey) ?? [];

    /// <summary>The alarms that watch a metric, in estate order.</summary>
    public static IReadOnlyList<MetricAlarm> AlarmsOn(AwsEstate estate, string metricNamespace, string metricName) =>
        estate.Memo("cw-alarms-by-metric", AlarmsByMetric).GetValueOrDefault(MetricKey(metricNamespace, metricName)) ?? [];

    /// <summary>Known true when the alarm runs at least one action on ALARM, known false when it cannot, else unknown.</summary>
    public static Value<bool> Notifies(MetricAlarm alarm)
    {
        if (alarm.ActionsEnabled.IsKnown && !alarm.ActionsEnabled.Get())
        {
            return Value.Of(false, alarm.ActionsEnabled.Source);
        }

        if (alarm.AlarmActions.IsUnknown)
        {
            return Value.Unknown<bool>(alarm.AlarmActions.UnknownReason ?? "unknown", alarm.AlarmActions.Source);
        }

        if (alarm.AlarmActions.Get().Count == 0)
        {
            return Value.Of(false, alarm.AlarmActions.Source);
        }

        return alarm.ActionsEnabled.IsUnknown ? alarm.ActionsEnabled : Value.Of(true, alarm.AlarmActions.Source);
    }

    // "arn:aws:logs:region:account:log-group:NAME" with an optional ":*" is the group NAME.
    private static string NameFromArn(string literal)
    {
        const string Marker = ":log-group:";
        var at = literal.IndexOf(Marker, StringComparison.Ordinal);
        if (!literal.StartsWith("arn:", StringComparison.Ordinal) || at < 0)
        {
            return literal;
        }

        var name = literal[(at + Marker.Length)..];
        return name.EndsWith(":*", StringComparison.Ordinal) ? name[..^2] : name;
    }

    private static string MetricKey(string metricNamespace, string metricName) => metricNamespace + "\u0000" + metricName;

    private static Dictionary<string, List<LogMetricFilter>> FiltersByGroup(AwsEstate estate)
    {
        var index = new Dictionary<string, List<LogMetricFilter>>(StringComparer.Ordinal);
        foreach (var filter in estate.OfType<LogMetricFilter>())
        {
            if (filter.LogGroup.GetOrDefault() is { } reference && GroupKey(estate, reference) is { } key)
            {
                (index.TryGetValue(key, out var list) ? list : index[key] = []).Add(filter);
            }
        }

        return index;
    }

    private static Dictionary<string, List<MetricAlarm>> AlarmsByMetric(AwsEstate estate)
    {
        var index = new Dictionary<string, List<MetricAlarm>>(StringComparer.Ordinal);
        foreach (var alarm in estate.OfType<MetricAlarm>())
        {
            foreach (var metric in alarm.Metrics)
            {
                if (metric.Namespace.GetOrDefault() is { } ns && metric.Name.GetOrDefault() is { } name)
                {
                    var key = MetricKey(ns, name);
                    var list = index.TryGetValue(key, out var l) ? l : index[key] = [];
                    if (!list.Contains(alarm))
                    {
                        list.Add(alarm);
                    }
                }
            }
        }

        return index;
    }
}
