using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace PciZone.Vault.Fpe;

/// <summary>
/// AES-128/256 forward cipher on the processor's AES instructions. FF1 only ever encrypts single blocks,
/// and each call into the platform's AES (OpenSSL here) costs about 130 ns of call overhead for 16 bytes
/// of work; the instruction sequence takes a few nanoseconds, which is what makes a million FF1 operations
/// per second per core possible. The key schedule is Intel's published AESKEYGENASSIST sequence; tests
/// check every output against <see cref="System.Security.Cryptography.Aes"/>. AES-192 is rare and its
/// schedule is irregular, so it (and any machine without AES-NI) uses <see cref="AesTransformPool"/>.
/// </summary>
internal static class AesNi
{
    public static bool Supports(int keyLength) =>
        X86Aes.IsSupported && Sse2.IsSupported && keyLength is 16 or 32;

    /// <summary>The round keys: 11 for AES-128, 15 for AES-256.</summary>
    public static Vector128<byte>[] ExpandKey(ReadOnlySpan<byte> key)
    {
        var k0 = Vector128.Create(key[..16]);
        if (key.Length == 16)
        {
            var rk = new Vector128<byte>[11];
            rk[0] = k0;
            rk[1] = Expand(rk[0], X86Aes.KeygenAssist(rk[0], 0x01), 0xFF);
            rk[2] = Expand(rk[1], X86Aes.KeygenAssist(rk[1], 0x02), 0xFF);
            rk[3] = Expand(rk[2], X86Aes.KeygenAssist(rk[2], 0x04), 0xFF);
            rk[4] = Expand(rk[3], X86Aes.KeygenAssist(rk[3], 0x08), 0xFF);
            rk[5] = Expand(rk[4], X86Aes.KeygenAssist(rk[4], 0x10), 0xFF);
            rk[6] = Expand(rk[5], X86Aes.KeygenAssist(rk[5], 0x20), 0xFF);
            rk[7] = Expand(rk[6], X86Aes.KeygenAssist(rk[6], 0x40), 0xFF);
            rk[8] = Expand(rk[7], X86Aes.KeygenAssist(rk[7], 0x80), 0xFF);
            rk[9] = Expand(rk[8], X86Aes.KeygenAssist(rk[8], 0x1B), 0xFF);
            rk[10] = Expand(rk[9], X86Aes.KeygenAssist(rk[9], 0x36), 0xFF);
            return rk;
        }

        var r = new Vector128<byte>[15];
        r[0] = k0;
        r[1] = Vector128.Create(key[16..32]);
        r[2] = Expand(r[0], X86Aes.KeygenAssist(r[1], 0x01), 0xFF);
        r[3] = Expand(r[1], X86Aes.KeygenAssist(r[2], 0x00), 0xAA);
        r[4] = Expand(r[2], X86Aes.KeygenAssist(r[3], 0x02), 0xFF);
        r[5] = Expand(r[3], X86Aes.KeygenAssist(r[4], 0x00), 0xAA);
        r[6] = Expand(r[4], X86Aes.KeygenAssist(r[5], 0x04), 0xFF);
        r[7] = Expand(r[5], X86Aes.KeygenAssist(r[6], 0x00), 0xAA);
        r[8] = Expand(r[6], X86Aes.KeygenAssist(r[7], 0x08), 0xFF);
        r[9] = Expand(r[7], X86Aes.KeygenAssist(r[8], 0x00), 0xAA);
        r[10] = Expand(r[8], X86Aes.KeygenAssist(r[9], 0x10), 0xFF);
        r[11] = Expand(r[9], X86Aes.KeygenAssist(r[10], 0x00), 0xAA);
        r[12] = Expand(r[10], X86Aes.KeygenAssist(r[11], 0x20), 0xFF);
        r[13] = Expand(r[11], X86Aes.KeygenAssist(r[12], 0x00), 0xAA);
        r[14] = Expand(r[12], X86Aes.KeygenAssist(r[13], 0x40), 0xFF);
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Encrypt(Vector128<byte> block, Vector128<byte>[] rk)
    {
        var s = block ^ rk[0];
        var last = rk.Length - 1;
        for (var i = 1; i < last; i++)
        {
            s = X86Aes.Encrypt(s, rk[i]);
        }

        return X86Aes.EncryptLast(s, rk[last]);
    }

    // Each new round-key word is the previous words' running XOR plus one broadcast word of the assist result.
    private static Vector128<byte> Expand(Vector128<byte> previous, Vector128<byte> assist, byte lane)
    {
        var word = lane == 0xFF
            ? Sse2.Shuffle(assist.AsInt32(), 0xFF).AsByte()
            : Sse2.Shuffle(assist.AsInt32(), 0xAA).AsByte();
        var k = previous;
        k ^= Sse2.ShiftLeftLogical128BitLane(k, 4);
        k ^= Sse2.ShiftLeftLogical128BitLane(k, 4);
        k ^= Sse2.ShiftLeftLogical128BitLane(k, 4);
        return k ^ word;
    }
}
