namespace PciZone.Vault.Contracts;

/// <summary>
/// Durable state of the vault: tokens, wrapped data keys, the audit chain. Implemented for SQLite (the
/// embedded default, WAL) and PostgreSQL (several service instances); one test suite runs against both.
/// Every method is safe to call from many threads and, for PostgreSQL, from many processes.
/// </summary>
public interface IVaultStore
{
    /// <summary>Creates the schema if needed (idempotent, versioned).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The token whose lookup HMAC (for that lookup key version) matches, or null.</summary>
    Task<TokenRecord?> FindByLookupAsync(byte[] lookup, int lookupKeyVersion, CancellationToken cancellationToken);

    /// <summary>The record of a token, or null.</summary>
    Task<TokenRecord?> FindByTokenAsync(string token, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the record unless one with the same (lookup, lookup key version) or the same token exists;
    /// returns the record that is stored afterwards. Two callers racing with the same PAN get the same
    /// record: this is what makes concurrent tokenisation yield one token. Durable when it returns.
    /// </summary>
    Task<TokenRecord> InsertOrGetAsync(TokenRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="InsertOrGetAsync(TokenRecord, CancellationToken)"/> and, in the same transaction, the audit
    /// entry that <paramref name="audit"/> makes from the record stored afterwards (none when it returns null,
    /// e.g. when another card number holds the token). One durable commit instead of two per new token.
    /// </summary>
    Task<TokenRecord> InsertOrGetAsync(TokenRecord record, Func<TokenRecord, AuditDraft?> audit, CancellationToken cancellationToken);

    /// <summary>Inserts many records in one transaction (batch endpoint); same rules as <see cref="InsertOrGetAsync(TokenRecord, CancellationToken)"/>, results in input order.</summary>
    Task<IReadOnlyList<TokenRecord>> InsertOrGetManyAsync(IReadOnlyList<TokenRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="InsertOrGetManyAsync(IReadOnlyList{TokenRecord}, CancellationToken)"/> and the audit entries that
    /// <paramref name="audit"/> makes from the stored records (none when it returns null). A store that can
    /// commits both in one transaction; this default takes two steps, the records first.
    /// </summary>
    async Task<IReadOnlyList<TokenRecord>> InsertOrGetManyAsync(IReadOnlyList<TokenRecord> records, Func<IReadOnlyList<TokenRecord>, IReadOnlyList<AuditDraft>?> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var stored = await InsertOrGetManyAsync(records, cancellationToken).ConfigureAwait(false);
        if (audit(stored) is { Count: > 0 } drafts)
        {
            await AppendAuditAsync(drafts, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    /// <summary>Replaces the encrypted PAN and lookup of a token (re-wrap/re-encrypt job); false if the token is gone.</summary>
    Task<bool> UpdateProtectionAsync(string token, byte[] encryptedPan, int fieldKeyVersion, byte[] lookup, int lookupKeyVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Tokens whose field or lookup key version is below the given ones, for re-encryption: in the store's
    /// token order, only tokens after <paramref name="afterToken"/> (null: from the first), at most
    /// <paramref name="limit"/>. Passing the last token returned walks the table once, however many
    /// records fail to move.
    /// </summary>
    Task<IReadOnlyList<TokenRecord>> FindStaleAsync(int fieldKeyVersion, int lookupKeyVersion, string? afterToken, int limit, CancellationToken cancellationToken);

    /// <summary>All versions of all data keys.</summary>
    Task<IReadOnlyList<StoredDataKey>> GetKeysAsync(CancellationToken cancellationToken);

    /// <summary>Adds a key version; fails if (purpose, version) exists. Also retires the previous active version of the purpose.</summary>
    Task AddKeyAsync(StoredDataKey key, CancellationToken cancellationToken);

    /// <summary>Replaces the wrapped material of a key version (KEK rotation: re-wrap under a new KEK).</summary>
    Task UpdateWrappedKeyAsync(KeyPurpose purpose, int version, byte[] wrappedKey, string kekProvider, string kekId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends audit entries: the store assigns sequence numbers, links each to the previous hash and
    /// computes hashes with <see cref="Audit.AuditChain"/>, atomically with respect to other appenders.
    /// </summary>
    Task AppendAuditAsync(IReadOnlyList<AuditDraft> entries, CancellationToken cancellationToken);

    /// <summary>
    /// The chain head kept apart from the entries: the last sequence and hash appended (0 and 32 zero bytes
    /// before the first). Verification compares it with the last entry read, so deleting the newest entries
    /// is caught too.
    /// </summary>
    Task<(long Sequence, byte[] Hash)> ReadAuditHeadAsync(CancellationToken cancellationToken);

    /// <summary>Audit entries in sequence order from <paramref name="fromSequence"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(long fromSequence, int limit, CancellationToken cancellationToken);
}

/// <summary>An audit entry before the store numbers and chains it.</summary>
public sealed record AuditDraft(DateTimeOffset At, string Actor, string Action, string Subject, string Outcome);
