using PciZone.Estate;

namespace PciZone.Rules.Aws.SNS;

internal sealed class SnsTopicPolicyNotPublic : ResourceRule<SnsTopic>
{
    protected override Outcome Check(SnsTopic topic, RuleContext context) => ResourcePolicyExposure.Assess(topic.Policy, "topic");
}
