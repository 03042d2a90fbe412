using Amazon.SQS;
using Amazon.SQS.Model;

namespace PciZone.Monitoring.Aws.Sqs;

/// <summary>
/// Keeps a received message hidden while it is in hand: every <c>VisibilityTimeout * HeartbeatFraction</c>
/// it sets the visibility to a full <c>VisibilityTimeout</c> again, so a slow object is never handed to a
/// second consumer. Stops when the message is settled, when the read is cancelled, or when SQS refuses
/// (the receipt handle is no longer ours).
/// </summary>
internal sealed class VisibilityHeartbeat : IAsyncDisposable
{
    private readonly IAmazonSQS sqs;
    private readonly string queueUrl;
    private readonly string receiptHandle;
    private readonly int visibilitySeconds;
    private readonly AwsSourceCounters counters;
    private readonly CancellationToken cancellationToken;
    private readonly ITimer timer;
    private readonly Lock gate = new();
    private Task running = Task.CompletedTask;
    private bool stopped;

    public VisibilityHeartbeat(
        IAmazonSQS sqs, SqsS3SourceOptions options, string receiptHandle, AwsSourceCounters counters,
        TimeProvider time, CancellationToken cancellationToken)
    {
        this.sqs = sqs;
        queueUrl = options.QueueUrl;
        this.receiptHandle = receiptHandle;
        visibilitySeconds = (int)Math.Ceiling(options.VisibilityTimeout.TotalSeconds);
        this.counters = counters;
        this.cancellationToken = cancellationToken;
        var period = options.VisibilityTimeout * options.HeartbeatFraction;
        timer = time.CreateTimer(_ => Beat(), null, period, period);
    }

    private void Beat()
    {
        lock (gate)
        {
            // One extension at a time; a beat that finds the previous one still running skips.
            if (stopped || !running.IsCompleted)
            {
                return;
            }

            running = ExtendAsync();
        }
    }

    private async Task ExtendAsync()
    {
        if (cancellationToken.IsCancellationRequested)
        {
            Stop();
            return;
        }

        try
        {
            await sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest
            {
                QueueUrl = queueUrl, ReceiptHandle = receiptHandle, VisibilityTimeout = visibilitySeconds,
            }, cancellationToken).ConfigureAwait(false);
            counters.Heartbeat();
        }
        catch (Exception)
        {
            // Cancelled, or the handle expired and the message went to another consumer: keeping on beating
            // would not get it back. The delivery's own Complete/Fail will report what matters.
            Stop();
        }
    }

    private void Stop()
    {
        lock (gate)
        {
            stopped = true;
        }

        timer.Dispose();
    }

    /// <summary>Stops beating and waits for an extension in flight, so it cannot undo a later visibility change.</summary>
    public async ValueTask DisposeAsync()
    {
        Task inFlight;
        lock (gate)
        {
            stopped = true;
            inFlight = running;
        }

        await timer.DisposeAsync().ConfigureAwait(false);
        await inFlight.ConfigureAwait(false);
    }
}
