using System.Runtime.ExceptionServices;
using PciZone.Monitoring.Alerts;

namespace PciZone.Monitoring.Pipeline;

/// <summary>
/// Drives the pipeline: source -> detector -> durable state -> sinks, following the protocol of
/// <see cref="IMonitorState"/>. Per object: skip when done; else read it, commit its alerts, its completion
/// and the detector state in one transaction. Per delivery: publish the alerts that were new, then
/// complete the delivery. An object that cannot be read fails its delivery (the source retries or
/// dead-letters it) and the run goes on, with the detector reset to its last committed state so that
/// the half-read object leaves no trace. Cancellation stops between objects.
/// </summary>
public sealed class MonitorRunner
{
    private readonly ILogSource _source;
    private readonly IEventDetector _detector;
    private readonly IMonitorState _state;
    private readonly IReadOnlyList<IAlertSink> _sinks;
    private readonly MonitorRunnerOptions _options;
    private readonly TimeProvider _time;
    private byte[] _committed = [];

    /// <summary>Creates a runner; the detector and state belong to this runner while it runs.</summary>
    public MonitorRunner(
        ILogSource source, IEventDetector detector, IMonitorState state, IReadOnlyList<IAlertSink> sinks,
        MonitorRunnerOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(sinks);
        if (sinks.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != sinks.Count)
        {
            throw new ArgumentException("Each sink needs a distinct name: the store tracks deliveries by name.", nameof(sinks));
        }

        _source = source;
        _detector = detector;
        _state = state;
        _sinks = sinks;
        _options = options ?? new MonitorRunnerOptions();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Runs until the source ends (one pass) or <paramref name="cancellationToken"/> is cancelled (follow
    /// mode's normal end; the summary then says <see cref="MonitorRunSummary.Cancelled"/>). Store errors
    /// propagate: nothing after a failed commit is trusted.
    /// </summary>
    public async Task<MonitorRunSummary> RunAsync(CancellationToken cancellationToken)
    {
        var tally = new RunnerTally(_options.MaxProblemsKept);
        var sinks = new RunnerSinks(_sinks, _state, _time, _options.SinkRetryInterval, tally);
        using var gate = new SemaphoreSlim(1, 1);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ExceptionDispatchInfo? advanceError = null;
        Task advancing = Task.CompletedTask;
        try
        {
            var saved = await _state.LoadDetectorStateAsync(run.Token).ConfigureAwait(false);
            if (saved is not null)
            {
                _detector.LoadState(saved);
            }

            _committed = saved ?? _detector.SaveState();
            await sinks.PublishPendingAsync(onlyFailed: false, run.Token).ConfigureAwait(false);

            if (_options.AdvanceInterval is { } interval)
            {
                advancing = AdvanceLoopAsync(interval, gate, sinks, tally, run, e => advanceError = e);
            }

            await foreach (var delivery in _source.ReadAsync(run.Token).ConfigureAwait(false))
            {
                await gate.WaitAsync(run.Token).ConfigureAwait(false);
                try
                {
                    await HandleAsync(delivery, sinks, tally, run.Token).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            }

            // A follow-mode source ends quietly on cancellation; the run still ends as cancelled.
            run.Token.ThrowIfCancellationRequested();
            await sinks.PublishPendingAsync(onlyFailed: true, run.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested && advanceError is null)
        {
            tally.Cancelled = true;
        }
        finally
        {
            await run.CancelAsync().ConfigureAwait(false);
            await advancing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        advanceError?.Throw();
        return tally.ToSummary();
    }

    private async Task HandleAsync(ILogDelivery delivery, RunnerSinks sinks, RunnerTally tally, CancellationToken cancellationToken)
    {
        var fresh = new List<Alert>();
        string? failure = null;
        foreach (var logObject in delivery.Objects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await _state.IsDoneAsync(logObject.Key, cancellationToken).ConfigureAwait(false))
            {
                tally.AlreadyDone();
                continue;
            }

            var alerts = new List<Alert>();
            ObjectResult result;
            try
            {
                var stream = await logObject.Open(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    result = _detector.Process(stream, logObject.Key, alerts);
                }
            }
            catch (Exception error)
            {
                // The detector saw part of the object (its de-duplication window holds those event ids);
                // back to the last committed state, or the retry would drop those records as duplicates.
                _detector.LoadState(_committed);
                if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                failure = $"{logObject.Key}: {error.GetType().Name}: {error.Message}";
                tally.Failed(logObject.Key, failure);
                break;
            }

            var detectorState = _detector.SaveState();
            var stored = await _state.CommitObjectAsync(logObject.Key, result, alerts, detectorState, cancellationToken).ConfigureAwait(false);
            _committed = detectorState;
            tally.Processed(result, alerts.Count, stored.Count);
            fresh.AddRange(stored);
        }

        await sinks.PublishNewAsync(fresh, cancellationToken).ConfigureAwait(false);
        if (failure is null)
        {
            await delivery.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await delivery.FailAsync(failure, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AdvanceLoopAsync(
        TimeSpan interval, SemaphoreSlim gate, RunnerSinks sinks, RunnerTally tally, CancellationTokenSource run,
        Action<ExceptionDispatchInfo> onError)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, _time, run.Token).ConfigureAwait(false);
                await gate.WaitAsync(run.Token).ConfigureAwait(false);
                try
                {
                    var alerts = new List<Alert>();
                    _detector.Advance(_time.GetUtcNow(), alerts);
                    if (alerts.Count == 0)
                    {
                        continue;
                    }

                    var detectorState = _detector.SaveState();
                    var stored = await _state.CommitAlertsAsync(alerts, detectorState, run.Token).ConfigureAwait(false);
                    _committed = detectorState;
                    tally.Raised(alerts.Count, stored.Count);
                    await sinks.PublishNewAsync(stored, run.Token).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // The run is ending.
        }
        catch (Exception error)
        {
            // A store failure in the clock loop ends the run like one in the main loop.
            onError(ExceptionDispatchInfo.Capture(error));
            await run.CancelAsync().ConfigureAwait(false);
        }
    }
}
