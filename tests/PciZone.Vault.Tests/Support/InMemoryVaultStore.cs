using PciZone.Vault.Audit;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Tests.Support;

/// <summary>
/// A test double of <see cref="IVaultStore"/> with the contract's uniqueness rules ((lookup, version) and
/// token) under one lock, for the vault and key ring unit tests (the real stores have their own suite).
/// Token calls yield first so concurrent callers really interleave. Hooks let a test make a key update fail
/// or hold key reads at a barrier.
/// </summary>
internal sealed partial class InMemoryVaultStore : IVaultStore
{
    private readonly Lock gate = new();
    private readonly List<TokenRecord> records = [];
    private readonly List<StoredDataKey> keys = [];
    private readonly List<AuditEntry> audit = [];

    public int InsertManyCalls { get; private set; }

    /// <summary>Updates of wrapped keys that succeed before every further one throws; null for no failure.</summary>
    public int? UpdatesBeforeFailure { get; set; }

    /// <summary>When set, each GetKeysAsync waits for this before answering (to make two openers race).</summary>
    public Func<Task>? BeforeRead { get; set; }

    public int InsertCalls { get; private set; }

    public int FindStaleCalls { get; private set; }

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

    public async Task<IReadOnlyList<TokenRecord>> FindStaleAsync(int fieldKeyVersion, int lookupKeyVersion, string? afterToken, int limit, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (gate)
        {
            FindStaleCalls++;
            return [.. records.Where(r => string.CompareOrdinal(r.Token, afterToken ?? "") > 0 && (r.FieldKeyVersion < fieldKeyVersion || r.LookupKeyVersion < lookupKeyVersion))
                .OrderBy(r => r.Token, StringComparer.Ordinal).Take(limit)];
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
