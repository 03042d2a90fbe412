namespace PciZone.Estate;

/// <summary>A CloudWatch Logs metric filter: a pattern over a log group that feeds a metric.</summary>
public sealed record LogMetricFilter : Resource
{
    /// <summary>Filter name.</summary>
    public Value<string> Name { get; init; }

    /// <summary>The log group the filter reads (by address, or its name).</summary>
    public Value<ResourceRef?> LogGroup { get; init; }

    /// <summary>The filter pattern; an empty pattern matches every event.</summary>
    public Value<string> Pattern { get; init; }

    /// <summary>The metrics the filter writes (AWS allows one).</summary>
    public IReadOnlyList<MetricId> Metrics { get; init; } = [];
}

/// <summary>A CloudWatch metric by namespace and name.</summary>
public sealed record MetricId(Value<string?> Namespace, Value<string?> Name);

/// <summary>A CloudWatch metric alarm.</summary>
public sealed record MetricAlarm : Resource
{
    /// <summary>Alarm name.</summary>
    public Value<string> Name { get; init; }

    /// <summary>
    /// The metrics the alarm watches: its single metric, or every metric of a metric-math query
    /// (<c>metric_query</c>, <c>Metrics</c>).
    /// </summary>
    public IReadOnlyList<MetricId> Metrics { get; init; } = [];

    /// <summary>Actions run at all (<c>actions_enabled</c>, <c>ActionsEnabled</c>; AWS default true).</summary>
    public Value<bool> ActionsEnabled { get; init; }

    /// <summary>Actions for the ALARM state (SNS topics, Auto Scaling or EC2 actions, ...).</summary>
    public Value<IReadOnlyList<ResourceRef>> AlarmActions { get; init; }

    /// <summary>Statistic of a single-metric alarm (<c>Sum</c>, <c>Average</c> ...); null for metric math or extended statistics.</summary>
    public Value<string?> Statistic { get; init; }

    /// <summary>Seconds per evaluated period; null for a metric-math alarm, whose queries carry their own.</summary>
    public Value<int?> PeriodSeconds { get; init; }

    /// <summary>Periods evaluated.</summary>
    public Value<int> EvaluationPeriods { get; init; }

    /// <summary>Breaching periods needed to alarm (AWS default: all evaluated periods).</summary>
    public Value<int?> DatapointsToAlarm { get; init; }

    /// <summary>Threshold; null for an anomaly-detection alarm.</summary>
    public Value<double?> Threshold { get; init; }

    /// <summary>Comparison operator (<c>GreaterThanOrEqualToThreshold</c> ...).</summary>
    public Value<string?> ComparisonOperator { get; init; }
}
