using PciZone.Estate;

namespace PciZone.Rules.Aws.SecretsManager;

internal sealed class SecretsmanagerSecretRotationEnabled : ResourceRule<SecretsManagerSecret>
{
    protected override Outcome Check(SecretsManagerSecret secret, RuleContext context) =>
        Outcome.MustBeTrue(secret.RotationEnabled, "Secret rotates automatically.",
            "Secret has no automatic rotation (no rotation schedule is attached).");
}
