using PciZone.Vault.Fpe;
using PciZone.Vault.Keys;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Service;

/// <summary>
/// One FF1 cipher per FF1 key version, made on first use and shared (Ff1 is safe for concurrent calls).
/// Creation takes a lock so no second cipher with a copy of the key is made and left undisposed.
/// </summary>
internal sealed class Ff1Ciphers : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, Ff1> ciphers = [];
    private volatile Dictionary<int, Ff1> snapshot = [];

    public string Make(DataKey key, string pan, TokenProfile profile) =>
        Ff1Tokens.Make(Get(key), pan, profile);

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var cipher in ciphers.Values)
            {
                cipher.Dispose();
            }

            ciphers.Clear();
            snapshot = [];
        }
    }

    private Ff1 Get(DataKey key)
    {
        if (snapshot.TryGetValue(key.Version, out var cipher))
        {
            return cipher;
        }

        lock (gate)
        {
            if (!ciphers.TryGetValue(key.Version, out cipher))
            {
                cipher = new Ff1(key.Material, radix: 10);
                ciphers[key.Version] = cipher;

                // Readers use a copy that is never mutated after publication: lock-free on the hot path.
                snapshot = new Dictionary<int, Ff1>(ciphers);
            }

            return cipher;
        }
    }
}
