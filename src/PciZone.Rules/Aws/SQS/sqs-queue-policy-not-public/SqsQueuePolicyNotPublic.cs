using PciZone.Estate;
using PciZone.Rules.Aws.SNS;

namespace PciZone.Rules.Aws.SQS;

internal sealed class SqsQueuePolicyNotPublic : ResourceRule<SqsQueue>
{
    protected override Outcome Check(SqsQueue queue, RuleContext context) => ResourcePolicyExposure.Assess(queue.Policy, "queue");
}
