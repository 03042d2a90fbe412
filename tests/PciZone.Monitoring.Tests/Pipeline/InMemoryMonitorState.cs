using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Monitoring.Tests.Pipeline;

/// <summary>The state protocol in memory, for runner tests that do not need SQLite.</summary>
internal sealed class InMemoryMonitorState : IMonitorState
{
    private readonly List<Alert> _alerts = [];
    private readonly HashSet<string> _done = new(StringComparer.Ordinal);
    private readonly HashSet<(string Sink, string Key)> _delivered = [];
    private byte[]? _state;

    public IReadOnlyList<Alert> Alerts => _alerts;

    public Task<bool> IsDoneAsync(string objectKey, CancellationToken cancellationToken) => Task.FromResult(_done.Contains(objectKey));

    public Task<byte[]?> LoadDetectorStateAsync(CancellationToken cancellationToken) => Task.FromResult(_state);

    public Task<IReadOnlyList<Alert>> CommitObjectAsync(
        string objectKey, ObjectResult result, IReadOnlyList<Alert> alerts, byte[] detectorState, CancellationToken cancellationToken)
    {
        _done.Add(objectKey);
        return CommitAlertsAsync(alerts, detectorState, cancellationToken);
    }

    public Task<IReadOnlyList<Alert>> CommitAlertsAsync(IReadOnlyList<Alert> alerts, byte[] detectorState, CancellationToken cancellationToken)
    {
        _state = detectorState;
        var fresh = alerts.Where(a => _alerts.All(b => b.Key != a.Key)).DistinctBy(a => a.Key).ToList();
        _alerts.AddRange(fresh);
        return Task.FromResult<IReadOnlyList<Alert>>(fresh);
    }

    public Task<IReadOnlyList<Alert>> PendingAsync(string sink, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Alert>>([.. _alerts.Where(a => !_delivered.Contains((sink, a.Key)))]);

    public Task MarkDeliveredAsync(string sink, IReadOnlyList<string> alertKeys, CancellationToken cancellationToken)
    {
        foreach (var key in alertKeys)
        {
            _delivered.Add((sink, key));
        }

        return Task.CompletedTask;
    }
}
