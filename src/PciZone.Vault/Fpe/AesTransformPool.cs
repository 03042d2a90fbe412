using System.Security.Cryptography;

namespace PciZone.Vault.Fpe;

/// <summary>
/// AES-ECB single blocks through <see cref="System.Security.Cryptography.Aes"/>, for AES-192 and machines
/// without AES-NI. <c>Aes.EncryptEcb</c> builds a native cipher context per call (about 1 µs and 64 bytes
/// allocated per block, measured); a kept <see cref="ICryptoTransform"/> costs about 130 ns and allocates
/// nothing. A transform is not thread-safe, so callers borrow one from a small lock-free pool: uncontended
/// calls reuse the same worker, contended ones create another (the only allocation, and a rare one).
/// </summary>
internal sealed class AesTransformPool : IDisposable
{
    private const int Slots = 8;
    private readonly System.Security.Cryptography.Aes _aes;
    private readonly Worker?[] _slots = new Worker?[Slots];
    private readonly Lock _createLock = new();

    public AesTransformPool(ReadOnlySpan<byte> key)
    {
        _aes = System.Security.Cryptography.Aes.Create();
        _aes.Mode = CipherMode.ECB;
        _aes.Padding = PaddingMode.None;
        _aes.Key = key.ToArray();
        _slots[0] = NewWorker();
    }

    public void EncryptBlock(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var worker = Rent();
        input[..16].CopyTo(worker.In);
        worker.Transform.TransformBlock(worker.In, 0, 16, worker.Out, 0);
        worker.Out.AsSpan().CopyTo(output);
        Return(worker);
    }

    public void Dispose()
    {
        for (var i = 0; i < Slots; i++)
        {
            Interlocked.Exchange(ref _slots[i], null)?.Dispose();
        }

        _aes.Dispose();
    }

    private Worker Rent()
    {
        for (var i = 0; i < Slots; i++)
        {
            if (Interlocked.Exchange(ref _slots[i], null) is { } worker)
            {
                return worker;
            }
        }

        return NewWorker();
    }

    private void Return(Worker worker)
    {
        for (var i = 0; i < Slots; i++)
        {
            if (Interlocked.CompareExchange(ref _slots[i], worker, null) is null)
            {
                return;
            }
        }

        worker.Dispose();
    }

    private Worker NewWorker()
    {
        lock (_createLock)
        {
            return new Worker(_aes.CreateEncryptor());
        }
    }

    private sealed class Worker(ICryptoTransform transform) : IDisposable
    {
        public ICryptoTransform Transform { get; } = transform;

        public byte[] In { get; } = new byte[16];

        public byte[] Out { get; } = new byte[16];

        // The buffers held chaining values derived from card numbers.
        public void Dispose()
        {
            CryptographicOperations.ZeroMemory(In);
            CryptographicOperations.ZeroMemory(Out);
            Transform.Dispose();
        }
    }
}
