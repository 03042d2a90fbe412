namespace PciZone.Monitoring.Pipeline;

/// <summary>How <see cref="MonitorRunner"/> runs.</summary>
public sealed record MonitorRunnerOptions
{
    /// <summary>
    /// In follow mode, how often the detector's clock is advanced so that silence (no events from an
    /// account and region) is noticed while no file arrives. Null: never (one pass over a folder).
    /// </summary>
    public TimeSpan? AdvanceInterval { get; init; }

    /// <summary>After a sink failed, how long to wait before offering it the pending alerts again.</summary>
    public TimeSpan SinkRetryInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many problems are kept in the summary (all are counted).</summary>
    public int MaxProblemsKept { get; init; } = 1000;
}
