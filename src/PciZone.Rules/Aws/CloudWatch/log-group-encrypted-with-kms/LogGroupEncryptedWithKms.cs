using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class LogGroupEncryptedWithKms : ResourceRule<LogGroup>
{
    protected override Outcome Check(LogGroup group, RuleContext context) =>
        Outcome.MustBeTrue(
            group.KmsKey.Map(k => k is not null),
            $"Log group is encrypted with KMS key {group.KmsKey.GetOrDefault()}.",
            "Log group is not encrypted with a KMS key.");
}
