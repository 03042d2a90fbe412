using PciZone.Estate;

namespace PciZone.Rules.Aws.SecretsManager;

internal sealed class SecretsmanagerSecretEncryptedWithCmk : ResourceRule<SecretsManagerSecret>
{
    protected override Outcome Check(SecretsManagerSecret secret, RuleContext context) =>
        CustomerManagedKeys.Check(secret.KmsKey, "secret", "aws/secretsmanager");
}
