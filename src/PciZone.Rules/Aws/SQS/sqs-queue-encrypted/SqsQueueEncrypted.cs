using PciZone.Estate;

namespace PciZone.Rules.Aws.SQS;

internal sealed class SqsQueueEncrypted : ResourceRule<SqsQueue>
{
    protected override Outcome Check(SqsQueue queue, RuleContext context)
    {
        if (queue.KmsKey.IsKnown && queue.KmsKey.Get() is { } key)
        {
            return Outcome.Pass($"Queue is encrypted with KMS key {key} (SSE-KMS).");
        }

        if (queue.SqsManagedSse.IsKnown && queue.SqsManagedSse.Get())
        {
            return Outcome.Pass(queue.SqsManagedSse.IsDefault
                ? "Queue is encrypted with SQS-managed keys (SSE-SQS, the AWS default for new queues)."
                : "Queue is encrypted with SQS-managed keys (SSE-SQS).");
        }

        if (queue.KmsKey.IsUnknown || queue.SqsManagedSse.IsUnknown)
        {
            var reason = queue.KmsKey.IsUnknown ? queue.KmsKey.UnknownReason : queue.SqsManagedSse.UnknownReason;
            return Outcome.Unknown($"Queue encryption cannot be read: {reason}.");
        }

        return Outcome.Fail("Queue has neither SSE-KMS nor SQS-managed encryption: messages are stored unencrypted.", queue.SqsManagedSse.Source);
    }
}
