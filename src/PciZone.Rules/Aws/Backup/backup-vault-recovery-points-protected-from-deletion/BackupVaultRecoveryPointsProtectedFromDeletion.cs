using PciZone.Estate;

namespace PciZone.Rules.Aws.Backup;

internal sealed class BackupVaultRecoveryPointsProtectedFromDeletion : ResourceRule<BackupVault>
{
    // Shortening a recovery point's lifecycle deletes it as surely as deleting it.
    private static readonly string[] DeletingActions = ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"];

    protected override Outcome Check(BackupVault vault, RuleContext context)
    {
        if (vault.Lock.IsUnknown || vault.Policy.IsUnknown)
        {
            var unknown = vault.Lock.IsUnknown ? vault.Lock : vault.Policy.Map(_ => (BackupVaultLock?)null);
            return Outcome.Unknown($"The vault lock or access policy cannot be read: {unknown.UnknownReason}.", unknown.Source);
        }

        var vaultLock = vault.Lock.Get();
        if (vaultLock is not null && vaultLock.IsComplianceMode.GetOrDefault())
        {
            return Outcome.Pass($"Vault lock is in compliance mode (grace time {vaultLock.ChangeableForDays.Get()} days); nobody can delete recovery points early.");
        }

        var policy = vault.Policy.Get();
        var undenied = DeletingActions.Where(a => policy is null || !policy.Denies.Any(s => DeniesEveryone(s, a))).ToList();
        if (undenied.Count == 0)
        {
            return Outcome.Pass("Vault access policy denies deleting recovery points and shortening their lifecycle to every principal.");
        }

        if (vaultLock is not null && vaultLock.IsComplianceMode.IsUnknown)
        {
            return Outcome.Unknown($"Whether the vault lock is in compliance mode is unknown: {vaultLock.ChangeableForDays.UnknownReason}.", vaultLock.ChangeableForDays.Source);
        }

        var why = vaultLock is null ? "the vault is not locked" : "the vault lock is in governance mode (no changeable_for_days), so privileged users can remove it";
        return Outcome.Fail($"Recovery points can be deleted: {why}, and the access policy does not deny {string.Join(" and ", undenied)} to every principal.",
            vault.Policy.Source);
    }

    // A Deny on "*" whose conditions only exempt named principals (aws:PrincipalArn) still protects the vault.
    private static bool DeniesEveryone(PolicyStatement s, string action) =>
        s.HasWildcardPrincipal && s.MatchesAction(action) &&
        s.Conditions.All(c => string.Equals(c.Key, "aws:PrincipalArn", StringComparison.OrdinalIgnoreCase) && c.Operator.Contains("Not", StringComparison.Ordinal));
}
