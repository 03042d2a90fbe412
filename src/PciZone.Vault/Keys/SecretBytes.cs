using System.Security.Cryptography;

namespace PciZone.Vault.Keys;

/// <summary>Key material lives in pinned arrays so the GC cannot leave stray copies behind when it compacts.</summary>
internal static class SecretBytes
{
    public static byte[] Pinned(int length) => GC.AllocateArray<byte>(length, pinned: true);

    public static byte[] PinnedCopy(ReadOnlySpan<byte> source)
    {
        var copy = Pinned(source.Length);
        source.CopyTo(copy);
        return copy;
    }

    public static byte[] PinnedRandom(int length)
    {
        var bytes = Pinned(length);
        RandomNumberGenerator.Fill(bytes);
        return bytes;
    }

    public static void Zero(byte[]? bytes)
    {
        if (bytes is not null)
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
