using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>CloudWatch Logs metric filters and CloudWatch metric alarms from a Terraform plan.</summary>
internal sealed class MonitoringTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_cloudwatch_log_metric_filter", (r, e) => e.Add(new LogMetricFilter
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Name = r.String("name").Map(s => s ?? ""),
            LogGroup = r.Ref("log_group_name"),
            Pattern = r.String("pattern").Map(s => s ?? ""),
            Metrics = r.Blocks("metric_transformation").Select(m => new MetricId(m.String("namespace"), m.String("name"))).ToList(),
        }));
        registry.Primary("aws_cloudwatch_metric_alarm", Alarm);
    }

    private static void Alarm(IResourceView r, IEstateBuilder estate)
    {
        // A metric-math alarm names its metrics in metric_query blocks instead of metric_name.
        var metrics = r.Blocks("metric_query").Select(q => q.Block("metric")).OfType<IResourceView>()
            .Select(m => new MetricId(m.String("namespace"), m.String("metric_name")))
            .ToList();
        if (r.Has("metric_name"))
        {
            metrics.Insert(0, new MetricId(r.String("namespace"), r.String("metric_name")));
        }

        estate.Add(new MetricAlarm
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("alarm_name").Map(s => s ?? ""),
            Metrics = metrics,
            ActionsEnabled = r.BoolOrDefault("actions_enabled", true),
            AlarmActions = r.RefsOrEmpty("alarm_actions"),
            Statistic = r.String("statistic"),
            PeriodSeconds = r.OptionalInt("period"),
            EvaluationPeriods = r.Int("evaluation_periods", 1),
            DatapointsToAlarm = r.OptionalInt("datapoints_to_alarm"),
            Threshold = Number(r.String("threshold")),
            ComparisonOperator = r.String("comparison_operator"),
        });
    }

    private static Value<double?> Number(Value<string?> text) =>
        text.Map(t => double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : (double?)null);
}
