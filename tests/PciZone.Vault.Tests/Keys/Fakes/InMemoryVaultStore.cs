using PciZone.Vault.Audit;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Tests.Keys.Fakes;

/// <summary>
/// The key and audit part of <see cref="IVaultStore"/> in memory, thread-safe, for key ring unit tests (the real
/// stores have their own suite). Hooks let a test make an update fail or hold the first reads at a barrier.
/// </summary>
internal sealed class InMemoryVaultStore : IVaultStore
{
    private readonly Lock gate = new();
    private readonly List<StoredDataKey> keys = [];
    private readonly List<AuditEntry> audit = [];

    /// <summary>Updates of wrapped keys that succeed before every further one throws; null for no failure.</summary>
    public int? UpdatesBeforeFailure { get; set; }

    /// <summary>When set, each GetKeysAsync waits for this before answering (to make two openers race).</summary>
    public Func<Task>? BeforeRead { get; set; }

    public IReadOnlyList<StoredDataKey> Keys
    {
        get
        {
            lock (gate)
            {
                return [.. keys];
            }
        }
    }

    public IReadOnlyList<AuditEntry> Audit
    {
        get
        {
            lock (gate)
            {
                return [.. audit];
            }
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<StoredDataKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        if (BeforeRead is { } wait)
        {
            await wait();
        }

        return Keys;
    }

    public Task AddKeyAsync(StoredDataKey key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (keys.Any(k => k.Purpose == key.Purpose && k.Version == key.Version))
            {
                throw new InvalidOperationException($"{key.Purpose} v{key.Version} exists.");
            }

            for (var i = 0; i < keys.Count; i++)
            {
                if (keys[i].Purpose == key.Purpose && keys[i].RetiredAt is null)
                {
                    keys[i] = keys[i] with { RetiredAt = key.ActivatedAt };
                }
            }

            keys.Add(key);
        }

        return Task.CompletedTask;
    }

    public Task UpdateWrappedKeyAsync(KeyPurpose purpose, int version, byte[] wrappedKey, string kekProvider, string kekId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (UpdatesBeforeFailure is { } left)
            {
                if (left <= 0)
                {
                    throw new IOException("Simulated store failure during re-wrap.");
                }

                UpdatesBeforeFailure = left - 1;
            }

            var i = keys.FindIndex(k => k.Purpose == purpose && k.Version == version);
            keys[i] = keys[i] with { WrappedKey = wrappedKey, KekProvider = kekProvider, KekId = kekId };
        }

        return Task.CompletedTask;
    }

    public Task AppendAuditAsync(IReadOnlyList<AuditDraft> entries, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            audit.AddRange(AuditChain.Link(audit.Count == 0 ? null : audit[^1], entries));
        }

        return Task.CompletedTask;
    }

    public Task<(long Sequence, byte[] Hash)> ReadAuditHeadAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(audit.Count == 0 ? (0L, new byte[32]) : (audit[^1].Sequence, audit[^1].Hash));
        }
    }

    public async Task<TokenRecord> InsertOrGetAsync(TokenRecord record, Func<TokenRecord, AuditDraft?> audit, CancellationToken cancellationToken)
    {
        var stored = await InsertOrGetAsync(record, cancellationToken);
        if (audit(stored) is { } draft)
        {
            await AppendAuditAsync([draft], cancellationToken);
        }

        return stored;
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(long fromSequence, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. Audit.Where(e => e.Sequence >= fromSequence).Take(limit)]);

    public Task<TokenRecord?> FindByLookupAsync(byte[] lookup, int lookupKeyVersion, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TokenRecord?> FindByTokenAsync(string token, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TokenRecord> InsertOrGetAsync(TokenRecord record, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<TokenRecord>> InsertOrGetManyAsync(IReadOnlyList<TokenRecord> records, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> UpdateProtectionAsync(string token, byte[] encryptedPan, int fieldKeyVersion, byte[] lookup, int lookupKeyVersion, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<TokenRecord>> FindStaleAsync(int fieldKeyVersion, int lookupKeyVersion, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
