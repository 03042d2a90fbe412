using PciZone.Estate;
using PciZone.Rules.Aws.SNS;

namespace PciZone.Rules.Aws.SQS;

internal sealed class SqsQueuePolicyDeniesInsecureTransport : ResourceRule<SqsQueue>
{
    protected override Outcome Check(SqsQueue queue, RuleContext context) =>
        ResourcePolicyExposure.DeniesInsecureTransport(queue.Policy, "queue", "sqs:*");
}
