using System.Collections.Concurrent;
using System.Security.Cryptography;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Keys;

/// <summary>
/// One unwrapped data key version held by a <see cref="KeyRing"/>: 32 bytes (AES-256 for FF1 and field
/// encryption, HMAC-SHA256 for lookup) in a pinned array that the ring zeroes when it is disposed.
/// <see cref="ToString"/> names the key, never its material.
/// </summary>
public sealed class DataKey
{
    /// <summary>Length of every data key in bytes.</summary>
    public const int Length = 32;

    // Most AES-GCM instances kept per key: about one per thread that encrypts at once.
    private const int MaxIdleCiphers = 16;

    private readonly byte[] material;

    // Building an AES-GCM instance expands the key inside OpenSSL, which costs more than sealing one card
    // number; instances are kept for reuse and disposed (their key schedule cleansed) with the key.
    private readonly ConcurrentBag<AesGcm> idleCiphers = [];

    // The same for HMAC: OpenSSL 3 looks the algorithm up and sets the key on every one-shot call.
    private readonly ConcurrentBag<IncrementalHash> idleMacs = [];
    private volatile bool destroyed;

    internal DataKey(KeyPurpose purpose, int version, byte[] pinnedMaterial)
    {
        Purpose = purpose;
        Version = version;
        material = pinnedMaterial;
    }

    /// <summary>What the key is for.</summary>
    public KeyPurpose Purpose { get; }

    /// <summary>The key version (1, 2, ...).</summary>
    public int Version { get; }

    /// <summary>The key bytes; throws once the owning ring is disposed.</summary>
    public ReadOnlySpan<byte> Material => Memory.Span;

    internal ReadOnlyMemory<byte> Memory
    {
        get
        {
            ObjectDisposedException.ThrowIf(destroyed, this);
            return material;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Purpose} v{Version}";

    /// <summary>An AES-GCM instance under this key for one caller; give it back with <see cref="Return(AesGcm)"/>.</summary>
    internal AesGcm RentCipher(int tagSize)
    {
        ObjectDisposedException.ThrowIf(destroyed, this);
        return idleCiphers.TryTake(out var cipher) && cipher.TagSizeInBytes == tagSize ? cipher : new AesGcm(material, tagSize);
    }

    internal void Return(AesGcm cipher)
    {
        if (destroyed || idleCiphers.Count >= MaxIdleCiphers)
        {
            cipher.Dispose();
            return;
        }

        idleCiphers.Add(cipher);
        if (destroyed)
        {
            // Destroy ran between the check and the add: empty the bag again so no schedule outlives the key.
            DisposeIdle();
        }
    }

    /// <summary>An HMAC-SHA256 instance keyed with this key for one caller; give it back with <see cref="Return(IncrementalHash)"/>.</summary>
    internal IncrementalHash RentMac()
    {
        ObjectDisposedException.ThrowIf(destroyed, this);
        return idleMacs.TryTake(out var mac) ? mac : IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, material);
    }

    /// <summary>Takes back an instance whose last use ended with GetHashAndReset (it holds no message).</summary>
    internal void Return(IncrementalHash mac)
    {
        if (destroyed || idleMacs.Count >= MaxIdleCiphers)
        {
            mac.Dispose();
            return;
        }

        idleMacs.Add(mac);
        if (destroyed)
        {
            DisposeIdle();
        }
    }

    internal void Destroy()
    {
        destroyed = true;
        DisposeIdle();
        SecretBytes.Zero(material);
    }

    private void DisposeIdle()
    {
        while (idleCiphers.TryTake(out var cipher))
        {
            cipher.Dispose();
        }

        while (idleMacs.TryTake(out var mac))
        {
            mac.Dispose();
        }
    }
}
