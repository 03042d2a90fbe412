namespace PciZone.Monitoring.Alerts;

/// <summary>Where alerts go once they are durable: console, JSON lines, a webhook.</summary>
public interface IAlertSink
{
    /// <summary>Name used in the store's delivery bookkeeping (<c>jsonl</c>, <c>webhook</c>).</summary>
    string Name { get; }

    /// <summary>Delivers a batch; throws only when the batch could not be delivered at all.</summary>
    Task PublishAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken);
}
