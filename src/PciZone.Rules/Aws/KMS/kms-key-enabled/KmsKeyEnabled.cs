using PciZone.Estate;

namespace PciZone.Rules.Aws.KMS;

internal sealed class KmsKeyEnabled : ResourceRule<KmsKey>
{
    protected override Outcome Check(KmsKey key, RuleContext context) =>
        Outcome.MustBeTrue(key.IsEnabled, "Key is enabled.", "Key is disabled.");
}
