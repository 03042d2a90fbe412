using System.Collections.Concurrent;

namespace PciZone.Vault.Keys;

/// <summary>
/// Idle cryptographic instances set up with one data key (AES-GCM, HMAC), kept for the next caller because
/// setting one up inside OpenSSL costs more than using it once. Each is used by one caller at a time.
/// <see cref="Close"/> disposes them (OpenSSL cleanses their key schedules), and any returned later.
/// </summary>
internal sealed class KeyInstances<T>(int maxIdle)
    where T : class, IDisposable
{
    private readonly ConcurrentBag<T> idle = [];
    private volatile bool closed;

    public T Rent(Func<T> create) => idle.TryTake(out var instance) ? instance : create();

    public void Return(T instance)
    {
        if (closed || idle.Count >= maxIdle)
        {
            instance.Dispose();
            return;
        }

        idle.Add(instance);
        if (closed)
        {
            // Close ran between the check and the add: empty the bag again so nothing outlives the key.
            DisposeIdle();
        }
    }

    public void Close()
    {
        closed = true;
        DisposeIdle();
    }

    private void DisposeIdle()
    {
        while (idle.TryTake(out var instance))
        {
            instance.Dispose();
        }
    }
}
