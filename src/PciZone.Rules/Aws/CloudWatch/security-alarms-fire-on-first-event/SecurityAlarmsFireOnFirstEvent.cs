using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class SecurityAlarmsFireOnFirstEvent : ResourceRule<MetricAlarm>
{
    private const int MaxPeriodSeconds = 300;
    private static readonly string[] CountingStatistics = ["Sum", "Maximum"];

    public override IReadOnlyList<Type> EstateTypes => [typeof(MetricAlarm), typeof(LogMetricFilter), typeof(Trail), typeof(LogGroup)];

    // Only alarms on a metric that a filter on a trail's log group writes: the security alarms.
    protected override bool AppliesTo(MetricAlarm alarm, RuleContext context)
    {
        var metrics = context.Estate.Memo("cwl-trail-filter-metrics", TrailFilterMetrics);
        return alarm.Metrics.Any(m => m.Namespace.GetOrDefault() is { } ns && m.Name.GetOrDefault() is { } name && metrics.Contains(ns + "\u0000" + name));
    }

    protected override Outcome Check(MetricAlarm alarm, RuleContext context)
    {
        if (alarm.Metrics.Count > 1)
        {
            return Outcome.Unknown("The alarm watches a metric-math expression over a CloudTrail metric; its settings are not judged.");
        }

        var datapoints = alarm.DatapointsToAlarm.IsKnown && alarm.DatapointsToAlarm.Get() is { } d ? Value.Of(d, alarm.DatapointsToAlarm.Source) : alarm.EvaluationPeriods;
        return CloudTrail.TrailGaps.Decide(
            [
                (alarm.Statistic.Map(s => s is not null && CountingStatistics.Contains(s, StringComparer.Ordinal)), $"uses statistic {alarm.Statistic.GetOrDefault() ?? "(none)"}, which can stay below the threshold while events occur (use Sum)"),
                (Threshold(alarm), $"does not fire on a single event ({alarm.ComparisonOperator.GetOrDefault()} {alarm.Threshold.GetOrDefault()})"),
                (datapoints.Map(n => n <= 1), $"needs {datapoints.GetOrDefault()} breaching periods before it fires"),
                (alarm.PeriodSeconds.Map(p => p is > 0 and <= MaxPeriodSeconds), $"evaluates periods of {alarm.PeriodSeconds.GetOrDefault()} seconds, longer than {MaxPeriodSeconds}"),
            ],
            "Alarm fires on the first counted security event within five minutes (Sum >= 1 over one period of at most 300 seconds).",
            "Security alarm");
    }

    // A count of events reaches 1 on the first event: >= 1 (or lower), or > a value below 1.
    private static Value<bool> Threshold(MetricAlarm alarm)
    {
        if (alarm.ComparisonOperator.IsUnknown)
        {
            return alarm.ComparisonOperator.Map(_ => false);
        }

        if (alarm.Threshold.IsUnknown)
        {
            return alarm.Threshold.Map(_ => false);
        }

        var t = alarm.Threshold.Get();
        return Value.Of(alarm.ComparisonOperator.Get() switch
        {
            "GreaterThanOrEqualToThreshold" => t is <= 1,
            "GreaterThanThreshold" => t is < 1,
            _ => false,
        }, alarm.ComparisonOperator.Source);
    }

    private static HashSet<string> TrailFilterMetrics(AwsEstate estate)
    {
        var metrics = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trail in estate.OfType<Trail>())
        {
            if (trail.CloudWatchLogGroup.GetOrDefault() is not { } group || MetricAlarms.GroupKey(estate, group) is not { } key)
            {
                continue;
            }

            foreach (var metric in MetricAlarms.FiltersOn(estate, key).SelectMany(f => f.Metrics))
            {
                if (metric.Namespace.GetOrDefault() is { } ns && metric.Name.GetOrDefault() is { } name)
                {
                    metrics.Add(ns + "\u0000" + name);
                }
            }
        }

        return metrics;
    }
}
