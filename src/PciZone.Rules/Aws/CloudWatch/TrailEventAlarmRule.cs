using System.Text.Json;
using PciZone.Compliance;
using PciZone.Estate;
using PciZone.Rules.Aws.CloudTrail;

namespace PciZone.Rules.Aws.CloudWatch;

/// <summary>
/// The CIS-style check "a metric filter on the trail's CloudWatch Logs group counts these events and
/// an alarm on its metric notifies someone". The events are CloudTrail records given as samples: a
/// filter qualifies when its pattern matches every sample. One trail that meets it covers the account.
/// </summary>
/// <param name="what">The events, as a noun phrase for messages (<c>root account usage</c>).</param>
/// <param name="samples">CloudTrail records (JSON) that the filter must all count.</param>
internal abstract class TrailEventAlarmRule(string what, params string[] samples) : ResourceRule<Trail>
{
    private readonly JsonElement[] _samples = samples.Select(s => JsonDocument.Parse(s).RootElement.Clone()).ToArray();

    /// <inheritdoc />
    public override IReadOnlyList<Type> EstateTypes => [typeof(Trail), typeof(LogGroup), typeof(LogMetricFilter), typeof(MetricAlarm)];

    /// <inheritdoc />
    protected override Outcome Check(Trail trail, RuleContext context) =>
        TrailGaps.CoveredByAnother(trail, Assess(trail, context.Estate), context.Estate, t => Assess(t, context.Estate),
            $"has a metric filter and alarm for {what}", "cw-event-alarm:" + GetType().Name);

    private Outcome Assess(Trail trail, AwsEstate estate)
    {
        if (trail.CloudWatchLogGroup.IsUnknown)
        {
            return Outcome.Unknown($"CloudWatch Logs group of the trail is unknown: {trail.CloudWatchLogGroup.UnknownReason}.", trail.CloudWatchLogGroup.Source);
        }

        if (trail.CloudWatchLogGroup.Get() is not { } group || MetricAlarms.GroupKey(estate, group) is not { } key)
        {
            return Outcome.Fail($"Trail does not deliver to CloudWatch Logs, so no metric filter can alarm on {what}.", trail.CloudWatchLogGroup.Source);
        }

        var unknowns = new List<(string Why, Provenance Source)>();
        var silent = new List<string>();
        // Estates repeat a few patterns across many filters: judge each pattern once per scan.
        var verdicts = estate.Memo("filter-pattern-verdicts:" + GetType().Name, _ => new Dictionary<string, bool?>(StringComparer.Ordinal));
        foreach (var filter in MetricAlarms.FiltersOn(estate, key))
        {
            var matches = Matches(filter, verdicts);
            if (matches.IsUnknown)
            {
                unknowns.Add(($"pattern of metric filter {filter.Address} {matches.UnknownReason}", matches.Source));
                continue;
            }

            if (!matches.Get())
            {
                continue;
            }

            if (Alarmed(filter, estate, unknowns) is { } pass)
            {
                return pass;
            }

            silent.Add(filter.Address);
        }

        if (unknowns.Count > 0)
        {
            return Outcome.Unknown($"Cannot tell whether {what} raise an alarm: {string.Join("; ", unknowns.Select(u => u.Why))}.", unknowns[0].Source);
        }

        return silent.Count > 0
            ? Outcome.Fail($"Metric filter {string.Join(", ", silent)} on log group {group} counts {what}, but no alarm with an enabled ALARM action watches its metric.")
            : Outcome.Fail($"No metric filter on log group {group} counts {what}.", trail.CloudWatchLogGroup.Source);
    }

    private Value<bool> Matches(LogMetricFilter filter, Dictionary<string, bool?> verdicts)
    {
        if (filter.Pattern.IsUnknown)
        {
            return Value.Unknown<bool>($"is unknown: {filter.Pattern.UnknownReason}", filter.Pattern.Source);
        }

        var pattern = filter.Pattern.Get();
        if (!verdicts.TryGetValue(pattern, out var verdict))
        {
            var results = _samples.Select(s => FilterPattern.Matches(pattern, s)).ToList();
            verdict = results.Any(r => r == false) ? false : results.Any(r => r is null) ? null : true;
            verdicts[pattern] = verdict;
        }

        return verdict is { } v ? Value.Of(v, filter.Pattern.Source)
            : Value.Unknown<bool>("cannot be read (space-delimited or malformed pattern)", filter.Pattern.Source);
    }

    private Outcome? Alarmed(LogMetricFilter filter, AwsEstate estate, List<(string Why, Provenance Source)> unknowns)
    {
        foreach (var metric in filter.Metrics)
        {
            if (metric.Namespace.IsUnknown || metric.Name.IsUnknown)
            {
                unknowns.Add(($"metric of filter {filter.Address} is unknown until apply", filter.Provenance));
                continue;
            }

            if (metric.Namespace.Get() is not { } ns || metric.Name.Get() is not { } name)
            {
                continue;
            }

            foreach (var alarm in MetricAlarms.AlarmsOn(estate, ns, name))
            {
                var notifies = MetricAlarms.Notifies(alarm);
                if (notifies.IsUnknown)
                {
                    unknowns.Add(($"actions of alarm {alarm.Address} are unknown: {notifies.UnknownReason}", notifies.Source));
                }
                else if (notifies.Get())
                {
                    return Outcome.Pass($"Metric filter {filter.Address} counts {what} in {ns}/{name}; alarm {alarm.Address} notifies {string.Join(", ", alarm.AlarmActions.Get())}.");
                }
            }
        }

        return null;
    }
}
