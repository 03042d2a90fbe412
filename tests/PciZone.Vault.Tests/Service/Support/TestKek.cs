using System.Security.Cryptography;
using PciZone.Vault.Keys;

namespace PciZone.Vault.Tests.Service.Support;

/// <summary>A key-encryption key held in memory (AES-GCM): enough for a real <see cref="KeyRing"/> in tests.</summary>
internal sealed class TestKek : IKeyEncryptionKey
{
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    public string Provider => "test";

    public string KeyId => "test-kek";

    public Task<byte[]> WrapAsync(ReadOnlyMemory<byte> dataKey, CancellationToken ct)
    {
        var output = new byte[12 + dataKey.Length + 16];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var gcm = new AesGcm(key, 16);
        gcm.Encrypt(output.AsSpan(0, 12), dataKey.Span, output.AsSpan(12, dataKey.Length), output.AsSpan(12 + dataKey.Length));
        return Task.FromResult(output);
    }

    public Task<byte[]> UnwrapAsync(ReadOnlyMemory<byte> wrapped, CancellationToken ct)
    {
        var w = wrapped.Span;
        var plain = new byte[w.Length - 28];
        using var gcm = new AesGcm(key, 16);
        gcm.Decrypt(w[..12], w.Slice(12, plain.Length), w[^16..], plain);
        return Task.FromResult(plain);
    }
}
