using PciZone.Vault.Contracts;

namespace PciZone.Vault.Keys;

/// <summary>
/// The unwrapped data keys of the vault, in memory: every version of every <see cref="KeyPurpose"/>, loaded
/// from the store and unwrapped with the KEK. New work uses <see cref="Current"/>; old tokens stay readable
/// through <see cref="Get"/>. Rotation adds a version (the store retires the previous one); re-wrap moves every
/// version under a new KEK. Safe for concurrent readers; changes are serialised. Dispose zeroes all material.
/// </summary>
public sealed partial class KeyRing : IDisposable
{
    /// <summary>The audit actor of keys the ring creates itself when the vault is first opened.</summary>
    public const string SystemActor = "vault";

    private readonly IVaultStore store;
    private readonly KeyRingOptions options;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim gate = new(1, 1);
    private IKeyEncryptionKey kek;
    private IKeyEncryptionKey? previousKek;
    private volatile bool disposed;

    private KeyRing(IVaultStore store, IKeyEncryptionKey kek, IKeyEncryptionKey? previousKek, KeyRingOptions options, TimeProvider time)
    {
        this.store = store;
        this.kek = kek;
        this.previousKek = previousKek;
        this.options = options;
        this.time = time;
    }

    /// <summary>Every stored version of every purpose, ordered by purpose and version.</summary>
    public IReadOnlyList<StoredDataKey> Versions => Live.Versions;

    /// <summary>Active versions whose crypto-period has ended (PCI DSS 3.7.4), as of now.</summary>
    public IReadOnlyList<KeyRingWarning> Warnings
    {
        get
        {
            var now = time.GetUtcNow();
            return [.. Live.Versions
                .Where(v => v.RetiredAt is null && v.CryptoPeriodEnds <= now)
                .Select(v => new KeyRingWarning(v.Purpose, v.Version, v.CryptoPeriodEnds))];
        }
    }

    /// <summary>Loads and unwraps every data key version; creates version 1 of each purpose that has none.</summary>
    /// <exception cref="KeyManagementException">A version is wrapped under another KEK, or cannot be unwrapped.</exception>
    public static Task<KeyRing> OpenAsync(IVaultStore store, IKeyEncryptionKey kek, KeyRingOptions options, TimeProvider time, CancellationToken ct) =>
        OpenAsync(store, kek, previousKek: null, options, time, ct);

    /// <summary>
    /// Like the other overload, but versions still wrapped under <paramref name="previousKek"/> are accepted too:
    /// this resumes a re-wrap that was interrupted. Call <see cref="RewrapAsync"/> with <paramref name="kek"/> next.
    /// </summary>
    public static async Task<KeyRing> OpenAsync(
        IVaultStore store, IKeyEncryptionKey kek, IKeyEncryptionKey? previousKek, KeyRingOptions options, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(kek);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CryptoPeriod, TimeSpan.Zero);
        var ring = new KeyRing(store, kek, previousKek, options, time);
        try
        {
            await ring.SyncAsync(ct);
            foreach (var purpose in Enum.GetValues<KeyPurpose>())
            {
                if (!ring.Live.Versions.Any(v => v.Purpose == purpose))
                {
                    await ring.AddVersionAsync(purpose, 1, SystemActor, "key.create", ct);
                }
            }

            return ring;
        }
        catch
        {
            ring.Dispose();
            throw;
        }
    }

    /// <summary>The newest active version of a purpose: the one new tokens use.</summary>
    public DataKey Current(KeyPurpose purpose) =>
        Live.Current.TryGetValue(purpose, out var key)
            ? key
            : throw new InvalidOperationException($"There is no active {purpose} key version; rotate to create one.");

    /// <summary>A given version (active or retired), for data protected under it.</summary>
    /// <exception cref="KeyNotFoundException">No such version.</exception>
    public DataKey Get(KeyPurpose purpose, int version) =>
        Live.ByVersion.TryGetValue((purpose, version), out var key)
            ? key
            : throw new KeyNotFoundException($"There is no {purpose} key version {version}.");

    /// <summary>Adds version n+1 of a purpose; the store retires version n, which still decrypts. Audited as <c>key.rotate</c>.</summary>
    public async Task<DataKey> RotateAsync(KeyPurpose purpose, string actor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await gate.WaitAsync(ct);
        try
        {
            // Another instance may have rotated since we loaded: number after the newest stored version.
            await SyncAsync(ct);
            var next = Live.Versions.Where(v => v.Purpose == purpose).Select(v => v.Version).DefaultIfEmpty(0).Max() + 1;
            try
            {
                return await AddVersionAsync(purpose, next, actor, "key.rotate", ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                await AuditFailureAsync(actor, "key.rotate", $"{purpose} v{next}");
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// KEK rotation: wraps every version under <paramref name="newKek"/>, checks that it unwraps to the same
    /// key, and stores it. The ring uses <paramref name="newKek"/> from then on. Audited as <c>key.rewrap</c>.
    /// </summary>
    public async Task RewrapAsync(IKeyEncryptionKey newKek, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(newKek);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await gate.WaitAsync(ct);
        try
        {
            var subject = $"to {newKek.Provider} {newKek.KeyId}";
            var versions = Live.Versions;
            try
            {
                foreach (var record in versions)
                {
                    var key = Get(record.Purpose, record.Version);
                    var wrapped = await newKek.WrapAsync(key.Memory, ct);
                    await CheckRoundTripAsync(newKek, wrapped, key, ct);
                    await store.UpdateWrappedKeyAsync(record.Purpose, record.Version, wrapped, newKek.Provider, newKek.KeyId, ct);
                }
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                await AuditFailureAsync(actor, "key.rewrap", subject);
                throw;
            }

            kek = newKek;
            previousKek = null;
            await store.AppendAuditAsync([new AuditDraft(time.GetUtcNow(), actor, "key.rewrap", $"{versions.Count} versions {subject}", "ok")], ct);
            await SyncAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Loads versions added by other vault instances (rotations elsewhere) since this ring was opened.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await SyncAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Zeroes every data key.</summary>
    public void Dispose()
    {
        disposed = true;
        DestroyAll();
    }
}
