using Amazon.SQS;
using Amazon.SQS.Model;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Monitoring.Aws.Sqs;

/// <summary>One received SQS message: its objects, its heartbeat, and how it is settled.</summary>
internal sealed class SqsDelivery : ILogDelivery
{
    private const int MaxVisibilitySeconds = 43_200;
    private readonly IAmazonSQS sqs;
    private readonly SqsS3SourceOptions options;
    private readonly DeadLetterPath deadLetters;
    private readonly AwsSourceCounters counters;
    private readonly VisibilityHeartbeat heartbeat;
    private int settled;

    public SqsDelivery(
        IAmazonSQS sqs, SqsS3SourceOptions options, DeadLetterPath deadLetters, AwsSourceCounters counters,
        Message message, TimeProvider time, CancellationToken readCancellation)
    {
        this.sqs = sqs;
        this.options = options;
        this.deadLetters = deadLetters;
        this.counters = counters;
        Message = message;
        ReceiveCount = message.Attributes is { } attributes
            && attributes.TryGetValue("ApproximateReceiveCount", out var text)
            && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var count)
                ? count
                : 1;
        heartbeat = new VisibilityHeartbeat(sqs, options, message.ReceiptHandle, counters, time, readCancellation);
    }

    public Message Message { get; }

    public int ReceiveCount { get; }

    /// <summary>Names the message in problems and dead-letter reasons.</summary>
    public string MessageKey => "sqs:" + Message.MessageId;

    public IReadOnlyList<LogObject> Objects { get; set; } = [];

    /// <summary>Deletes the message. A second settle of the same delivery does nothing.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (!await SettleAsync().ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await DeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonSQSException ex) when (ex is ReceiptHandleIsInvalidException or MessageNotInflightException)
        {
            // The visibility ran out (heartbeat could not reach SQS) and another consumer holds the message now.
            // Its objects are durable in the state store, so that consumer will find them done; not an error.
            counters.LostOwnership(MessageKey, ex.ErrorCode);
        }
    }

    /// <summary>Makes the message visible again after a back-off, or dead-letters it after MaxReceives receives.</summary>
    public async Task FailAsync(string reason, CancellationToken cancellationToken)
    {
        if (!await SettleAsync().ConfigureAwait(false))
        {
            return;
        }

        if (ReceiveCount >= options.MaxReceives)
        {
            await DeadLetterAsync($"failed {ReceiveCount} times; last: {reason}", cancellationToken).ConfigureAwait(false);
            return;
        }

        // Exponential back-off so a failing object (a missing KMS grant, say) does not spin the queue.
        var seconds = Math.Min(
            MaxVisibilitySeconds, options.RetryDelay.TotalSeconds * Math.Pow(2, Math.Min(ReceiveCount - 1, 20)));
        await sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest
        {
            QueueUrl = options.QueueUrl, ReceiptHandle = Message.ReceiptHandle, VisibilityTimeout = (int)Math.Ceiling(seconds),
        }, cancellationToken).ConfigureAwait(false);
        counters.Retry();
    }

    /// <summary>Dead-letters at once (poison) without waiting for MaxReceives.</summary>
    internal async Task DeadLetterNowAsync(string reason, CancellationToken cancellationToken)
    {
        if (await SettleAsync().ConfigureAwait(false))
        {
            await DeadLetterAsync(reason, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Acknowledges a message with nothing to read (test event, only skipped keys).</summary>
    internal async Task AcknowledgeAsync(CancellationToken cancellationToken) => await CompleteAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Gives an unread message straight back (the read ended before it was handed out).</summary>
    internal async Task ReleaseAsync()
    {
        if (!await SettleAsync().ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest
            {
                QueueUrl = options.QueueUrl, ReceiptHandle = Message.ReceiptHandle, VisibilityTimeout = 0,
            }).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort: otherwise it reappears when its visibility timeout ends.
        }
    }

    private async Task DeadLetterAsync(string reason, CancellationToken cancellationToken)
    {
        // Send first, delete second: a crash between the two leaves a duplicate dead letter, never a lost one.
        await deadLetters.WriteAsync(Message, ReceiveCount, reason, cancellationToken).ConfigureAwait(false);
        await DeleteAsync(cancellationToken).ConfigureAwait(false);
        counters.DeadLetter(MessageKey, reason);
    }

    private Task DeleteAsync(CancellationToken cancellationToken) =>
        sqs.DeleteMessageAsync(
            new DeleteMessageRequest { QueueUrl = options.QueueUrl, ReceiptHandle = Message.ReceiptHandle }, cancellationToken);

    private async Task<bool> SettleAsync()
    {
        if (Interlocked.Exchange(ref settled, 1) != 0)
        {
            return false;
        }

        await heartbeat.DisposeAsync().ConfigureAwait(false);
        return true;
    }
}
