using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PciZone.Vault.Keys;

/// <summary>
/// Layout of a local KEK file, version 1 (103 bytes):
/// <c>"PZKEK"</c> | version (1) | passphrase components (1) | PBKDF2 iterations (4, big-endian) | salt (16) |
/// key id (16) | nonce (12) | encrypted KEK (32) | GCM tag (16). The first 43 bytes are the GCM associated data,
/// so editing any header field (e.g. lowering the iteration count) fails authentication like a wrong passphrase.
/// </summary>
internal static class LocalKeyFileFormat
{
    public const byte Version = 1;
    public const int DefaultIterations = 600_000;

    // Refuse files that ask for less work than this even before authenticating them.
    public const int MinimumIterations = 100_000;
    public const int SaltSize = 16;
    public const int IdSize = 16;
    public const int HeaderSize = 5 + 1 + 1 + 4 + SaltSize + IdSize;
    public const int FileSize = HeaderSize + 12 + DataKey.Length + 16;

    private static readonly byte[] Magic = "PZKEK"u8.ToArray();
    private static readonly byte[] Info = "pcizone local kek file v1"u8.ToArray();

    public static byte[] Header(int components, int iterations, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> id)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        header[5] = Version;
        header[6] = (byte)components;
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(7), iterations);
        salt.CopyTo(header.AsSpan(11));
        id.CopyTo(header.AsSpan(11 + SaltSize));
        return header;
    }

    public static bool HasMagic(ReadOnlySpan<byte> file) => file.Length >= 6 && file[..5].SequenceEqual(Magic);

    public static int Components(ReadOnlySpan<byte> file) => file[6];

    public static int Iterations(ReadOnlySpan<byte> file) => BinaryPrimitives.ReadInt32BigEndian(file[7..]);

    public static ReadOnlySpan<byte> Salt(ReadOnlySpan<byte> file) => file.Slice(11, SaltSize);

    public static string KeyId(ReadOnlySpan<byte> file) => "kek-" + Convert.ToHexStringLower(file.Slice(11 + SaltSize, IdSize));

    /// <summary>
    /// The key that protects the KEK: PBKDF2-HMAC-SHA256 of each passphrase component (its own salt suffix),
    /// combined by HKDF so that one component alone says nothing about the result (split knowledge).
    /// </summary>
    public static byte[] WrappingKey(ReadOnlySpan<char> first, ReadOnlySpan<char> second, int components, ReadOnlySpan<byte> salt, int iterations)
    {
        var ikm = SecretBytes.Pinned(32 * components);
        Span<byte> componentSalt = stackalloc byte[SaltSize + 1];
        salt.CopyTo(componentSalt);
        try
        {
            componentSalt[SaltSize] = 1;
            Rfc2898DeriveBytes.Pbkdf2(first, componentSalt, ikm.AsSpan(0, 32), iterations, HashAlgorithmName.SHA256);
            if (components == 2)
            {
                componentSalt[SaltSize] = 2;
                Rfc2898DeriveBytes.Pbkdf2(second, componentSalt, ikm.AsSpan(32, 32), iterations, HashAlgorithmName.SHA256);
            }

            var key = SecretBytes.Pinned(32);
            HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, key, salt, Info);
            return key;
        }
        finally
        {
            SecretBytes.Zero(ikm);
        }
    }

    /// <summary>Associated data of a wrapped data key: binds it to the KEK that wrapped it.</summary>
    public static byte[] WrapAad(string keyId) => Encoding.UTF8.GetBytes("pcizone-dek-wrap-v1:" + keyId);
}
