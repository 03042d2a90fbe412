using PciZone.Estate;

namespace PciZone.Rules.Aws.SNS;

internal sealed class SnsTopicEncryptedWithKms : ResourceRule<SnsTopic>
{
    protected override Outcome Check(SnsTopic topic, RuleContext context) =>
        Outcome.MustBeTrue(
            topic.KmsKey.Map(k => k is not null),
            $"Topic is encrypted with KMS key {topic.KmsKey.GetOrDefault()}.",
            "Topic is not encrypted with a KMS key.");
}
