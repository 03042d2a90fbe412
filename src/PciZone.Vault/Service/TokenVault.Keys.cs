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
    /// <paramref name="batchSize"/> records at a time, walking the tokens once in the store's order. A record
    /// that cannot be moved is left as it was and counted, and the walk goes on past it, so failures never
    /// stop the rest from moving. One audit entry per batch, plus one per failed token.
    /// </summary>
    public async Task<ReencryptResult> ReencryptAsync(int batchSize, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, MaxReencryptBatchSize);
        ArgumentNullException.ThrowIfNull(actor);
        var field = keys.Current(KeyPurpose.FieldEncryption);
        var lookupKey = keys.Current(KeyPurpose.Lookup);
        var updated = 0;
        var failed = 0;
        string? after = null;
        while (await store.FindStaleAsync(field.Version, lookupKey.Version, after, batchSize, cancellationToken) is { Count: > 0 } stale)
        {
            after = stale[^1].Token;
            var drafts = new List<AuditDraft>();
            var moved = 0;
            foreach (var record in stale)
            {
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
                    failed++;
                    drafts.Add(new AuditDraft(time.GetUtcNow(), actor, AuditActions.KeyReencrypt, record.Token, AuditOutcomes.Error));
                }
            }

            updated += moved;
            drafts.Insert(0, new AuditDraft(time.GetUtcNow(), actor, AuditActions.KeyReencrypt, $"{moved} of {stale.Count} tokens to {KeyPurpose.FieldEncryption} v{field.Version}, {KeyPurpose.Lookup} v{lookupKey.Version}", moved == stale.Count ? AuditOutcomes.Ok : AuditOutcomes.Error));
            await store.AppendAuditAsync(drafts, cancellationToken);
        }

        return new ReencryptResult(updated, failed);
    }
}
