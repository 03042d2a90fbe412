using PciZone.Vault.Audit;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Tests.Service.Support;

/// <summary>
/// A test double of <see cref="IVaultStore"/> with the contract's uniqueness rules ((lookup, version) and
/// token) under one lock. Each call yields first so concurrent callers really interleave.
/// </summary>
internal sealed class InMemoryVaultStore : IVaultStore
{
    private readonly Lock gate = new();
    private readonly List<TokenRecord> records = [];
    private readonly List<StoredDataKey> keys = [];
    private readonly List<AuditEntry> audit = [];

    public int InsertManyCalls { get; private set; }

    public int InsertCalls { get; private set; }

    public IReadOnlyList<TokenRecord> Records
    {
        get
        {
            lock (gate)
            {
                return [.. records];
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

    public async Task<TokenRecord?> FindByLookupAsync(byte[] lookup, int lookupKeyVersion, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (gate)
        {
            return records.FirstOrDefault(r => r.LookupKeyVersion == lookupKeyVersion && r.Lookup.AsSpan().SequenceEqual(lookup));
        }
    }

    public async Task<TokenRecord?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (gate)
        {
            return records.FirstOrDefault(r => r.Token == token);
        }
    }

    public async Task<TokenRecord> InsertOrGetAsync(TokenRecord record, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (gate)
        {
            InsertCalls++;
            return InsertOrGetLocked(record);
        }
    }

    public async Task<IReadOnlyList<TokenRecord>> InsertOrGetManyAsync(IReadOnlyList<TokenRecord> batch, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (gate)
        {
            InsertManyCalls++;
            return [.. batch.Select(InsertOrGetLocked)];
        }
    }

    public async Task<bool> UpdateProtectionAsync(string token, byte[] encryptedPan, int fieldKeyVersion, byte[] lookup, int lookupKeyVersion, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (gate)
        {
            var i = records.FindIndex(r => r.Token == token);
            if (i < 0)
            {
                return false;
            }

            records[i] = records[i] with { EncryptedPan = encryptedPan, FieldKeyVersion = fieldKeyVersion, Lookup = lookup, LookupKeyVersion = lookupKeyVersion };
            return true;
        }
    }

    public async Task<IReadOnlyList<TokenRecord>> FindStaleAsync(int fieldKeyVersion, int lookupKeyVersion, int limit, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (gate)
        {
            return [.. records.Where(r => r.FieldKeyVersion < fieldKeyVersion || r.LookupKeyVersion < lookupKeyVersion).Take(limit)];
        }
    }

    public Task<IReadOnlyList<StoredDataKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<StoredDataKey>>([.. keys]);
        }
    }

    public Task AddKeyAsync(StoredDataKey key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (keys.Any(k => k.Purpose == key.Purpose && k.Version == key.Version))
            {
                throw new InvalidOperationException("duplicate key version");
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
            var i = keys.FindIndex(k => k.Purpose == purpose && k.Version == version);
            keys[i] = keys[i] with { WrappedKey = wrappedKey, KekProvider = kekProvider, KekId = kekId };
        }

        return Task.CompletedTask;
    }

    public async Task AppendAuditAsync(IReadOnlyList<AuditDraft> entries, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (gate)
        {
            audit.AddRange(AuditChain.Link(audit.Count == 0 ? null : audit[^1], entries));
        }
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

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(long fromSequence, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>([.. audit.Where(e => e.Sequence >= fromSequence).Take(limit)]);
        }
    }

    /// <summary>Adds a record as is, bypassing the uniqueness rules (to stage clashes).</summary>
    public void Plant(TokenRecord record)
    {
        lock (gate)
        {
            records.Add(record);
        }
    }

    public void ClearTokens()
    {
        lock (gate)
        {
            records.Clear();
        }
    }

    private TokenRecord InsertOrGetLocked(TokenRecord record)
    {
        var existing = records.FirstOrDefault(r =>
            r.Token == record.Token || (r.LookupKeyVersion == record.LookupKeyVersion && r.Lookup.AsSpan().SequenceEqual(record.Lookup)));
        if (existing is not null)
        {
            return existing;
        }

        records.Add(record);
        return record;
    }
}
