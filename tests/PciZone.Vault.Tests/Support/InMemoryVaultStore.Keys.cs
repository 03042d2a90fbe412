using PciZone.Vault.Audit;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Tests.Support;

/// <summary>The data keys and the audit chain.</summary>
internal sealed partial class InMemoryVaultStore
{
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
}
