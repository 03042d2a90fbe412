using PciZone.Estate;

namespace PciZone.Rules.Aws.KMS;

internal sealed class KmsKeyRotationEnabled : ResourceRule<KmsKey>
{
    // Asymmetric and HMAC keys cannot rotate automatically; their rotation is a process matter.
    protected override bool AppliesTo(KmsKey key, RuleContext context) => key.IsSymmetricEncryption;

    protected override Outcome Check(KmsKey key, RuleContext context) =>
        Outcome.MustBeTrue(
            key.RotationEnabled,
            "Automatic key rotation is enabled.",
            "Symmetric customer managed key has automatic rotation disabled.");
}
