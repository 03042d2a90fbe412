using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Amazon.SQS.Model;
using PciZone.Monitoring.Aws.S3;
using PciZone.Monitoring.Aws.Sqs;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Monitoring.Aws;

/// <summary>
/// CloudTrail log objects announced by S3 event notifications on an SQS queue (directly or through SNS).
/// Each delivery is one message; several instances (in one process or many) may read one queue and share
/// the work. A message is deleted when the pipeline completes it, given back with a back-off when it
/// fails, and moved to the dead-letter path after <see cref="SqsS3SourceOptions.MaxReceives"/> receives or
/// at once when its body is not an S3 notification.
/// </summary>
public sealed class SqsS3Source : ILogSource
{
    private static readonly TimeSpan OutageDelay = TimeSpan.FromSeconds(5);
    private readonly IAmazonSQS sqs;
    private readonly IAmazonS3 s3;
    private readonly SqsS3SourceOptions options;
    private readonly TimeProvider time;
    private readonly DeadLetterPath deadLetters;

    /// <summary>Creates the source; the clients decide the endpoint and credentials.</summary>
    /// <exception cref="ArgumentException">An option is out of range (see <see cref="SqsS3SourceOptions.Validate"/>).</exception>
    public SqsS3Source(IAmazonSQS sqs, IAmazonS3 s3, SqsS3SourceOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        this.sqs = sqs;
        this.s3 = s3;
        this.options = options;
        this.time = time;
        deadLetters = new DeadLetterPath(sqs, options, time);
    }

    /// <summary>What this source has received, skipped and dead-lettered so far.</summary>
    public AwsSourceCounters Counters { get; } = new();

    /// <inheritdoc />
    /// <remarks>
    /// Without <see cref="SqsS3SourceOptions.Follow"/> the sequence ends after the first empty receive. In
    /// follow mode a failing receive (network, throttling after the SDK's retries) is retried after a pause.
    /// </remarks>
    public async IAsyncEnumerable<ILogDelivery> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var messages = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
            if (messages is null)
            {
                continue;
            }

            if (messages.Count == 0)
            {
                if (!options.Follow)
                {
                    yield break;
                }

                continue;
            }

            // Heartbeats start at receive: the last message of a batch may wait long for the pipeline.
            var batch = messages.Select(m => new SqsDelivery(sqs, options, deadLetters, Counters, m, time, cancellationToken)).ToList();
            var next = 0;
            try
            {
                while (next < batch.Count)
                {
                    var delivery = batch[next++];
                    Counters.Message();
                    if (await PrepareAsync(delivery, cancellationToken).ConfigureAwait(false))
                    {
                        yield return delivery;
                    }
                }
            }
            finally
            {
                for (var i = next; i < batch.Count; i++)
                {
                    await batch[i].ReleaseAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private async Task<List<Message>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = options.QueueUrl,
                MaxNumberOfMessages = options.MaxMessages,
                WaitTimeSeconds = (int)options.WaitTime.TotalSeconds,
                VisibilityTimeout = (int)Math.Ceiling(options.VisibilityTimeout.TotalSeconds),
                // SDK v4 leaves collections null unless set; the receive count drives the dead-letter decision.
                MessageSystemAttributeNames = ["ApproximateReceiveCount"],
            }, cancellationToken).ConfigureAwait(false);
            return response.Messages ?? [];
        }
        catch (Exception ex) when (options.Follow && ex is AmazonServiceException or HttpRequestException
                                   && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(OutageDelay, time, cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    // True when the delivery has objects for the pipeline; otherwise it has been settled here.
    private async Task<bool> PrepareAsync(SqsDelivery delivery, CancellationToken cancellationToken)
    {
        var notification = S3Notification.Parse(delivery.Message.Body);
        if (notification.PoisonReason is { } poison)
        {
            Counters.Poison(delivery.MessageKey, poison);
            await SettleQuietlyAsync(delivery, d => d.DeadLetterNowAsync("poison message: " + poison, cancellationToken)).ConfigureAwait(false);
            return false;
        }

        if (notification.IsTestEvent)
        {
            Counters.TestEvent();
            await SettleQuietlyAsync(delivery, d => d.AcknowledgeAsync(cancellationToken)).ConfigureAwait(false);
            return false;
        }

        foreach (var skipped in notification.Skipped)
        {
            Counters.Skipped(skipped.Key, $"record {skipped.Index} of {delivery.MessageKey}", skipped.Reason);
        }

        if (notification.Objects.Count == 0)
        {
            await SettleQuietlyAsync(delivery, d => d.AcknowledgeAsync(cancellationToken)).ConfigureAwait(false);
            return false;
        }

        delivery.Objects = notification.Objects.Select(o => S3ObjectReader.LogObject(s3, o.Bucket, o.Key)).ToList();
        for (var i = 0; i < delivery.Objects.Count; i++)
        {
            Counters.Object();
        }

        return true;
    }

    private async Task SettleQuietlyAsync(SqsDelivery delivery, Func<SqsDelivery, Task> settle)
    {
        try
        {
            await settle(delivery).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException or UnauthorizedAccessException)
        {
            // The message stays on the queue and comes back after its visibility timeout; a dead-letter
            // path that is down must not stop the monitor.
            Counters.SettleFailed(delivery.MessageKey, ex.Message);
        }
    }
}
