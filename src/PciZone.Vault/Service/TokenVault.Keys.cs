using PciZone.Vault.Contracts;
using PciZone.Vault.Keys;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Service;

public sealed partial class TokenVault
{
    /// <summary>Largest re-encryption batch: bounds the records held in memory at once.</summary>
    public const int MaxReencryptBatchSize = 10_000;

    /// <summary>
    /// Makes a new version of each purpose (all three when <paramref name="purposes"/> is empty). New tokens use
    /// it at once; tokens made before keep detokenising; <see cref="ReencryptAsync"/> moves them over.
    /// </summary>
    public async Task<IReadOnlyList<RotatedKey>> RotateKeysAsync(IReadOnlyCollection<KeyPurpose> purposes, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purposes);
        ArgumentNullException.ThrowIfNull(actor);
        var rotated = new List<RotatedKey>();
        foreach (var purpose in purposes.Count == 0 ? Enum.GetValues<KeyPurpose>() : purposes.Distinct())
        {
            // The key ring appends the key.rotate audit entry (success or failure) itself.
            var key = await keys.RotateAsync(purpose, actor, cancellationToken);
            rotated.Add(new RotatedKey(purpose, key.Version));
        }

        return rotated;
    }

    /// <summary>
    /// Moves every record under an older field-encryption or lookup key to the newest versions,
    /// <paramref name="batchSize"/> records at a time. A record that cannot be moved is left as it was and
    /// counted; the run stops when a whole batch makes no progress. One audit entry per batch, plus one
    /// per failed token.
    /// </summary>
    public async Task<ReencryptResult> ReencryptAsync(int batchSize, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, MaxReencryptBatchSize);
        ArgumentNullException.ThrowIfNull(actor);
        var field = keys.Current(KeyPurpose.FieldEncryption);
        var lookupKey = keys.Current(KeyPurpose.Lookup);
        var updated = 0;
        var failed = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var stale = await store.FindStaleAsync(field.Version, lookupKey.Version, batchSize, cancellationToken);
            if (stale.Count == 0)
            {
                break;
            }

            var drafts = new List<AuditDraft>();
            var moved = 0;
            foreach (var record in stale)
            {
                // A record that failed earlier in this run comes back in every batch; try it once only.
                if (failed.Contains(record.Token))
                {
                    continue;
                }

                try
                {
                    var pan = Reveal(record);
                    var encrypted = record.FieldKeyVersion == field.Version ? record.EncryptedPan : PanProtection.EncryptPan(field, pan, record.Token);
                    var profile = TokenProfile.ParseStored(record.Profile).Profile;
                    var lookup = record.LookupKeyVersion == lookupKey.Version ? record.Lookup : PanProtection.Lookup(lookupKey, pan, profile.Name);
                    moved += await store.UpdateProtectionAsync(record.Token, encrypted, field.Version, lookup, lookupKey.Version, cancellationToken) ? 1 : 0;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed.Add(record.Token);
                    drafts.Add(new AuditDraft(time.GetUtcNow(), actor, AuditActions.KeyReencrypt, record.Token, AuditOutcomes.Error));
                }
            }

            updated += moved;
            if (moved == 0 && drafts.Count == 0)
            {
                break;
            }

            drafts.Insert(0, new AuditDraft(time.GetUtcNow(), actor, AuditActions.KeyReencrypt, $"{moved} of {stale.Count} tokens to {KeyPurpose.FieldEncryption} v{field.Version}, {KeyPurpose.Lookup} v{lookupKey.Version}", moved == stale.Count ? AuditOutcomes.Ok : AuditOutcomes.Error));
            await store.AppendAuditAsync(drafts, cancellationToken);
            if (moved == 0)
            {
                break;
            }
        }

        return new ReencryptResult(updated, failed.Count);
    }
}
