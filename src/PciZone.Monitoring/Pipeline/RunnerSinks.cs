using PciZone.Monitoring.Alerts;

namespace PciZone.Monitoring.Pipeline;

/// <summary>
/// Hands durable alerts to the sinks and records each delivery in the state. A healthy sink gets exactly
/// the alerts that were new; a sink that failed gets, once <see cref="MonitorRunnerOptions.SinkRetryInterval"/>
/// has passed, everything pending for it (oldest first), so an outage loses nothing and keeps order.
/// A crash between a sink taking a batch and <see cref="IMonitorState.MarkDeliveredAsync"/> makes the
/// sink see that batch again on the next start: at least once to sinks, exactly once in the store.
/// </summary>
internal sealed class RunnerSinks(
    IReadOnlyList<IAlertSink> sinks, IMonitorState state, TimeProvider time, TimeSpan retryInterval, RunnerTally tally)
{
    private readonly Dictionary<string, DateTimeOffset?> _failedAt = sinks.ToDictionary(s => s.Name, _ => (DateTimeOffset?)null, StringComparer.Ordinal);

    /// <summary>Offers every sink what is pending for it (start-up, and the end of a one-pass run).</summary>
    public async Task PublishPendingAsync(bool onlyFailed, CancellationToken cancellationToken)
    {
        foreach (var sink in sinks)
        {
            if (onlyFailed && _failedAt[sink.Name] is null)
            {
                continue;
            }

            var pending = await state.PendingAsync(sink.Name, cancellationToken).ConfigureAwait(false);
            await DeliverAsync(sink, pending, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes alerts that were new in the store.</summary>
    public async Task PublishNewAsync(IReadOnlyList<Alert> fresh, CancellationToken cancellationToken)
    {
        foreach (var sink in sinks)
        {
            if (_failedAt[sink.Name] is { } failedAt)
            {
                if (time.GetUtcNow() - failedAt < retryInterval)
                {
                    continue;
                }

                var pending = await state.PendingAsync(sink.Name, cancellationToken).ConfigureAwait(false);
                await DeliverAsync(sink, pending, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await DeliverAsync(sink, fresh, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DeliverAsync(IAlertSink sink, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        try
        {
            await sink.PublishAsync(alerts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The alerts stay pending; processing goes on, since the store already holds them durably.
            _failedAt[sink.Name] = time.GetUtcNow();
            tally.SinkFailed(sink.Name, error.Message);
            return;
        }

        await state.MarkDeliveredAsync(sink.Name, [.. alerts.Select(a => a.Key)], cancellationToken).ConfigureAwait(false);
        _failedAt[sink.Name] = null;
        tally.Published(sink.Name, alerts.Count);
    }
}
