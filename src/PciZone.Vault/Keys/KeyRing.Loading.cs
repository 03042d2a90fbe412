using System.Collections.Frozen;
using System.Security.Cryptography;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Keys;

/// <summary>Loading versions from the store, adding new ones, and the checks and audit of changes.</summary>
public sealed partial class KeyRing
{
    private readonly Dictionary<(KeyPurpose Purpose, int Version), DataKey> keys = [];
    private readonly Lock keysGate = new();
    private volatile Snapshot snapshot = Snapshot.Empty;

    private Snapshot Live
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return snapshot;
        }
    }

    // Reads every stored version; unwraps the ones not held yet; publishes an immutable snapshot for readers.
    private async Task SyncAsync(CancellationToken ct)
    {
        var records = await store.GetKeysAsync(ct);
        foreach (var record in records)
        {
            bool held;
            lock (keysGate)
            {
                held = keys.ContainsKey((record.Purpose, record.Version));
            }

            if (!held)
            {
                Keep(new DataKey(record.Purpose, record.Version, await UnwrapAsync(record, ct)));
            }
        }

        var versions = records.OrderBy(r => r.Purpose).ThenBy(r => r.Version).ToList();
        lock (keysGate)
        {
            var current = versions
                .Where(r => r.RetiredAt is null)
                .GroupBy(r => r.Purpose)
                .ToFrozenDictionary(g => g.Key, g => keys[(g.Key, g.Max(r => r.Version))]);
            snapshot = new Snapshot(versions, keys.ToFrozenDictionary(), current);
        }
    }

    private async Task<byte[]> UnwrapAsync(StoredDataKey record, CancellationToken ct)
    {
        var unwrapper = WrappedBy(kek, record) ? kek
            : previousKek is not null && WrappedBy(previousKek, record) ? previousKek
            : throw new KeyManagementException(
                $"{record.Purpose} key v{record.Version} is wrapped by {record.KekProvider} key {record.KekId}, " +
                $"but the vault was opened with {kek.Provider} key {kek.KeyId}.");
        var plain = await unwrapper.UnwrapAsync(record.WrappedKey, ct);
        try
        {
            return plain.Length == DataKey.Length
                ? SecretBytes.PinnedCopy(plain)
                : throw new KeyManagementException($"{record.Purpose} key v{record.Version} unwrapped to {plain.Length} bytes, not {DataKey.Length}.");
        }
        finally
        {
            SecretBytes.Zero(plain);
        }
    }

    private async Task<DataKey> AddVersionAsync(KeyPurpose purpose, int version, string actor, string action, CancellationToken ct)
    {
        var material = SecretBytes.PinnedRandom(DataKey.Length);
        var kept = false;
        try
        {
            var wrapped = await kek.WrapAsync(material, ct);
            var now = time.GetUtcNow();
            var record = new StoredDataKey(purpose, version, wrapped, kek.Provider, kek.KeyId, now, now, null, now + options.CryptoPeriod);
            try
            {
                await store.AddKeyAsync(record, ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // Instances race to create version 1 on first start, and admins may rotate at once: adopt the winner's.
                await SyncAsync(ct);
                if (snapshot.ByVersion.TryGetValue((purpose, version), out var theirs))
                {
                    return theirs;
                }

                throw;
            }

            var key = new DataKey(purpose, version, material);
            Keep(key);
            kept = true;
            await store.AppendAuditAsync([new AuditDraft(now, actor, action, key.ToString(), "ok")], ct);
            await SyncAsync(ct);
            return key;
        }
        finally
        {
            if (!kept)
            {
                SecretBytes.Zero(material);
            }
        }
    }

    private static async Task CheckRoundTripAsync(IKeyEncryptionKey newKek, byte[] wrapped, DataKey key, CancellationToken ct)
    {
        var back = await newKek.UnwrapAsync(wrapped, ct);
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(back, key.Material))
            {
                throw new KeyManagementException(
                    $"The new KEK {newKek.Provider} {newKek.KeyId} did not give back {key} intact; the key was left under the old KEK.");
            }
        }
        finally
        {
            SecretBytes.Zero(back);
        }
    }

    // Best effort: the failure itself is what the caller must see, not a second failure of the audit store.
    private async Task AuditFailureAsync(string actor, string action, string subject)
    {
        try
        {
            await store.AppendAuditAsync([new AuditDraft(time.GetUtcNow(), actor, action, subject, "error")], CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            GC.KeepAlive(ex);
        }
    }

    private static bool WrappedBy(IKeyEncryptionKey candidate, StoredDataKey record) =>
        string.Equals(candidate.Provider, record.KekProvider, StringComparison.Ordinal)
        && string.Equals(candidate.KeyId, record.KekId, StringComparison.Ordinal);

    private void Keep(DataKey key)
    {
        lock (keysGate)
        {
            if (disposed || !keys.TryAdd((key.Purpose, key.Version), key))
            {
                key.Destroy();
            }
        }
    }

    private void DestroyAll()
    {
        lock (keysGate)
        {
            foreach (var key in keys.Values)
            {
                key.Destroy();
            }

            keys.Clear();
            snapshot = Snapshot.Empty;
        }
    }

    private sealed record Snapshot(
        IReadOnlyList<StoredDataKey> Versions,
        FrozenDictionary<(KeyPurpose Purpose, int Version), DataKey> ByVersion,
        FrozenDictionary<KeyPurpose, DataKey> Current)
    {
        public static Snapshot Empty { get; } = new([], FrozenDictionary<(KeyPurpose, int), DataKey>.Empty, FrozenDictionary<KeyPurpose, DataKey>.Empty);
    }
}
