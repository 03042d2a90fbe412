using PciZone.Monitoring.Alerts;

namespace PciZone.Monitoring.Tests.Pipeline.TestSupport;

/// <summary>Keeps every alert it is given, in order; <see cref="OnPublish"/> can fail or cancel a batch.</summary>
internal sealed class RecordingSink(string name = "recording") : IAlertSink
{
    private readonly List<Alert> _received = [];

    public string Name { get; } = name;

    /// <summary>Runs before a batch is taken, with the 1-based batch number; throw to refuse it.</summary>
    public Action<int, IReadOnlyList<Alert>>? OnPublish { get; set; }

    public int Batches { get; private set; }

    public IReadOnlyList<Alert> Received
    {
        get { lock (_received) { return [.. _received]; } }
    }

    public IReadOnlyList<string> Keys => [.. Received.Select(a => a.Key)];

    public Task PublishAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        Batches++;
        OnPublish?.Invoke(Batches, alerts);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_received)
        {
            _received.AddRange(alerts);
        }

        return Task.CompletedTask;
    }
}

/// <summary>A crash injected by a test: no production code catches this type specially.</summary>
internal sealed class SimulatedCrashException(string message) : Exception(message);
