using PciZone.Monitoring.Pipeline;

namespace PciZone.Cli.MonitorCmd;

/// <summary>The run summary on stderr: counts, problems with object and position, sink failures.</summary>
internal static class RunReport
{
    private const int ProblemsShown = 20;

    public static void Write(CliHost host, MonitorRunSummary s, MonitorSources source, int rules, string store)
    {
        var kinds = string.Join(", ", s.ObjectsByKind.Where(k => k.Value > 0).OrderBy(k => k.Key).Select(k => $"{k.Value} {Kind(k.Key)}"));
        host.Log($"{rules} rules; {s.Objects} object(s) read ({(kinds.Length == 0 ? "none" : kinds)}), {s.ObjectsAlreadyDone} already done; "
                 + $"{s.Records} record(s), {s.Duplicates} duplicate(s), {s.Skipped} skipped; "
                 + $"{s.AlertsRaised} alert(s) raised, {s.AlertsNew} new; store {store}");
        if (source.Counters() is { } counters)
        {
            host.Log($"source {source.Description}: {counters}");
        }

        foreach (var p in s.Problems.Concat(source.SourceProblems()).Take(ProblemsShown))
        {
            host.Log($"problem: {p.ObjectKey}: {p.Position}: {p.Message}");
        }

        if (s.ProblemCount > ProblemsShown)
        {
            host.Log($"... and {s.ProblemCount - ProblemsShown} more problem(s)");
        }

        foreach (var f in s.FailedObjects)
        {
            host.Log($"error: {f.ObjectKey}: {f.Reason}");
        }

        foreach (var f in s.SinkFailures)
        {
            host.Log($"error: alerts not delivered to {f.Sink} (kept pending for the next run): {f.Reason}");
        }
    }

    private static string Kind(ObjectKind kind) => kind switch
    {
        ObjectKind.CloudTrail => "CloudTrail",
        ObjectKind.Digest => "digest",
        ObjectKind.NotCloudTrail => "not CloudTrail",
        _ => "corrupt",
    };
}
