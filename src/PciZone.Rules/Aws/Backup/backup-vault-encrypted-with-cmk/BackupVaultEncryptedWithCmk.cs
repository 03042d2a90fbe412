using PciZone.Estate;
using PciZone.Rules.Aws.SecretsManager;

namespace PciZone.Rules.Aws.Backup;

internal sealed class BackupVaultEncryptedWithCmk : ResourceRule<BackupVault>
{
    protected override Outcome Check(BackupVault vault, RuleContext context) =>
        CustomerManagedKeys.Check(vault.KmsKey, "backup vault", "aws/backup");
}
