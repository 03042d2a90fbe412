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

    private readonly byte[] material;
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

    internal void Destroy()
    {
        destroyed = true;
        SecretBytes.Zero(material);
    }
}
