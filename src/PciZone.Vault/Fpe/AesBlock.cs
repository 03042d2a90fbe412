using System.Runtime.Intrinsics;

namespace PciZone.Vault.Fpe;

/// <summary>
/// The one primitive FF1 needs: the AES forward cipher on a single 16-byte block, safe to call from
/// several threads at once. AES-NI when the processor has it and the key is 128 or 256 bits, otherwise
/// <see cref="System.Security.Cryptography.Aes"/> through <see cref="AesTransformPool"/>.
/// </summary>
internal sealed class AesBlock : IDisposable
{
    private readonly Vector128<byte>[]? _roundKeys;
    private readonly AesTransformPool? _pool;

    public AesBlock(ReadOnlySpan<byte> key, bool allowIntrinsics = true)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException("An AES key is 16, 24 or 32 bytes long.", nameof(key));
        }

        if (allowIntrinsics && AesNi.Supports(key.Length))
        {
            _roundKeys = AesNi.ExpandKey(key);
        }
        else
        {
            _pool = new AesTransformPool(key);
        }
    }

    /// <summary>Whether blocks go through the processor's AES instructions rather than the platform's AES.</summary>
    public bool UsesIntrinsics => _roundKeys is not null;

    /// <summary>Encrypts the first 16 bytes of <paramref name="input"/>; input and output may be the same.</summary>
    public void Encrypt(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (_roundKeys is { } rk)
        {
            AesNi.Encrypt(Vector128.Create(input[..16]), rk).CopyTo(output);
        }
        else
        {
            _pool!.EncryptBlock(input, output);
        }
    }

    public void Dispose()
    {
        if (_roundKeys is not null)
        {
            Array.Clear(_roundKeys);
        }

        _pool?.Dispose();
    }
}
