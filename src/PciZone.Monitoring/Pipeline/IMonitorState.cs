using PciZone.Monitoring.Alerts;

namespace PciZone.Monitoring.Pipeline;

/// <summary>
/// The durable state of a monitor: which objects are done, the alerts (one per key), the detector state,
/// and which alerts each sink has been given. The pipeline records an object's alerts, its completion
/// and the detector state in ONE transaction, then publishes only the alerts that were new, then marks
/// them delivered. A crash anywhere re-processes at most the object in hand, whose alerts already stored
/// are not new; undelivered alerts are published again on start.
/// </summary>
public interface IMonitorState
{
    /// <summary>True when the object was fully processed before.</summary>
    Task<bool> IsDoneAsync(string objectKey, CancellationToken cancellationToken);

    /// <summary>The detector state saved with the last completed object, or null.</summary>
    Task<byte[]?> LoadDetectorStateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: stores the alerts (ignoring keys already stored), marks the object done with its
    /// counters, saves the detector state. Returns the alerts that were new.
    /// </summary>
    Task<IReadOnlyList<Alert>> CommitObjectAsync(
        string objectKey, ObjectResult result, IReadOnlyList<Alert> alerts, byte[] detectorState,
        CancellationToken cancellationToken);

    /// <summary>Stores alerts raised outside an object (silence in follow mode); returns the new ones.</summary>
    Task<IReadOnlyList<Alert>> CommitAlertsAsync(IReadOnlyList<Alert> alerts, byte[] detectorState, CancellationToken cancellationToken);

    /// <summary>Alerts not yet delivered to the named sink, oldest first.</summary>
    Task<IReadOnlyList<Alert>> PendingAsync(string sink, CancellationToken cancellationToken);

    /// <summary>Records that the named sink has the alerts.</summary>
    Task MarkDeliveredAsync(string sink, IReadOnlyList<string> alertKeys, CancellationToken cancellationToken);
}
