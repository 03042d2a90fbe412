using System.Buffers.Binary;
using System.Globalization;

namespace PciZone.Benchmarks.Vault;

/// <summary>
/// Rows shaped like the vault's token rows (a 16-digit token, a 32-byte keyed lookup hash, a 44-byte
/// encrypted PAN), made from a counter by SplitMix64 so the keys are as random as real ones but cost next
/// to nothing to make: the ceiling benchmark times the store, not the row generator.
/// </summary>
internal sealed class CeilingRows
{
    private ulong _next = (ulong)Environment.TickCount64 * 0x9E3779B97F4A7C15UL;

    public string Token { get; private set; } = "";

    public byte[] Lookup { get; } = new byte[32];

    public byte[] EncryptedPan { get; } = new byte[44];

    /// <summary>Fills the properties with the next row.</summary>
    public void Next()
    {
        var t = Mix();
        Token = (1_000_000_000_000_000UL + (t % 9_000_000_000_000_000UL)).ToString(CultureInfo.InvariantCulture)[..16];
        for (var i = 0; i < Lookup.Length; i += 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(Lookup.AsSpan(i), Mix());
        }

        for (var i = 0; i + 8 <= EncryptedPan.Length; i += 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(EncryptedPan.AsSpan(i), Mix());
        }
    }

    private ulong Mix()
    {
        var z = _next += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
