namespace PciZone.Monitoring.Store;

/// <summary>How a <see cref="SqliteMonitorState"/> behaves; the defaults suit one monitor per file.</summary>
public sealed record SqliteMonitorStateOptions
{
    /// <summary>
    /// Names whose detector state this process loads and saves. Alerts, incidents, processed objects and
    /// deliveries are shared by every process on the file; the detector state (de-duplication window,
    /// thresholds, silence clocks) is per consumer, so competing consumers on one file do not overwrite
    /// each other's windows.
    /// </summary>
    public string ConsumerId { get; init; } = "default";

    /// <summary>
    /// A new alert joins the newest incident that is not resolved, has the same rule and principal (the
    /// account and region for alerts without a principal, such as silence), and whose events lie within
    /// this window of the alert's event time; otherwise it opens a new incident.
    /// <see cref="TimeSpan.Zero"/> opens one incident per alert.
    /// </summary>
    public TimeSpan IncidentGroupingWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long a writer waits for another process's lock before giving up.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The actor recorded in the history of incidents the monitor opens.</summary>
    public string MonitorActor { get; init; } = "pcizone-monitor";

    /// <summary>
    /// False (the default): a sink name used for the first time receives only the alerts stored from then
    /// on, so adding a webhook does not replay months of alerts into it. True: it receives every stored
    /// alert it has not had, oldest first.
    /// </summary>
    public bool NewSinksReceiveHistory { get; init; }
}
