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

    /// <summary>The AES-GCM tag length of field encryption, in bytes.</summary>
    internal const int GcmTagSize = 16;

    // About one instance of each kind per thread that uses the key at once.
    private const int MaxIdleInstances = 16;

    private readonly byte[] material;
    private readonly KeyInstances<AesGcm> ciphers = new(MaxIdleInstances);
    private readonly KeyInstances<IncrementalHash> macs = new(MaxIdleInstances);
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
    internal AesGcm RentCipher()
    {
        ObjectDisposedException.ThrowIf(destroyed, this);
        return ciphers.Rent(() => new AesGcm(material, GcmTagSize));
    }

    internal void Return(AesGcm cipher) => ciphers.Return(cipher);

    /// <summary>An HMAC-SHA256 instance keyed with this key for one caller; give it back with <see cref="Return(IncrementalHash)"/>.</summary>
    internal IncrementalHash RentMac()
    {
        ObjectDisposedException.ThrowIf(destroyed, this);
        return macs.Rent(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, material));
    }

    /// <summary>Takes back an instance whose last use ended with GetHashAndReset (it holds no message).</summary>
    internal void Return(IncrementalHash mac) => macs.Return(mac);

    internal void Destroy()
    {
        destroyed = true;
        ciphers.Close();
        macs.Close();
        SecretBytes.Zero(material);
    }
}
