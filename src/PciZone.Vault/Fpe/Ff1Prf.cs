using System.Buffers.Binary;
using System.Runtime.Intrinsics;

namespace PciZone.Vault.Fpe;

/// <summary>
/// FF1's round function PRF(P || Q) (SP 800-38G, Algorithm 6, steps 5 and 6.i-6.iii), a CBC-MAC under AES.
/// P and every block of Q that holds only tweak and padding are the same in all ten rounds, so their MAC
/// state is computed once per call; a round then encrypts only the blocks that carry the round number and
/// NUM(B), which for a card number is a single block.
/// </summary>
internal readonly ref struct Ff1Prf
{
    private readonly AesBlock _aes;
    private readonly Span<byte> _start;
    private readonly Span<byte> _tail;
    private readonly int _b;

    /// <param name="start">16 bytes: receives the MAC state after P and the constant blocks of Q.</param>
    /// <param name="tail">Exactly <see cref="TailLength"/> bytes: the varying end of Q.</param>
    public Ff1Prf(AesBlock aes, int radix, int n, ReadOnlySpan<byte> tweak, int b, Span<byte> start, Span<byte> tail)
    {
        _aes = aes;
        _start = start;
        _tail = tail;
        _b = b;
        var u = n / 2;
        var t = tweak.Length;
        start[0] = 1;
        start[1] = 2;
        start[2] = 1;
        start[3] = (byte)(radix >> 16);
        start[4] = (byte)(radix >> 8);
        start[5] = (byte)radix;
        start[6] = 10;
        start[7] = (byte)u;
        BinaryPrimitives.WriteInt32BigEndian(start[8..], n);
        BinaryPrimitives.WriteInt32BigEndian(start[12..], t);
        aes.Encrypt(start, start);

        var qLength = QLength(t, b);
        var constantLength = qLength - tail.Length;
        Span<byte> block = stackalloc byte[16];
        for (var offset = 0; offset < constantLength; offset += 16)
        {
            block.Clear();
            if (offset < t)
            {
                tweak[offset..Math.Min(t, offset + 16)].CopyTo(block);
            }

            Xor(block, start);
            aes.Encrypt(start, start);
        }

        tail.Clear();
        if (constantLength < t)
        {
            tweak[constantLength..].CopyTo(tail);
        }
    }

    /// <summary>The last b bytes of Q: the caller writes [NUM(B)]^b here before each round.</summary>
    public Span<byte> Numeral => _tail[^_b..];

    /// <summary>Bytes of Q from the first block that holds the round number to its end.</summary>
    public static int TailLength(int tweakLength, int b)
    {
        var q = QLength(tweakLength, b);
        return q - ((q - b - 1) / 16 * 16);
    }

    /// <summary>R = PRF(P || Q) for round <paramref name="round"/>, into the 16 bytes of <paramref name="r"/>.</summary>
    public void Round(int round, Span<byte> r)
    {
        _tail[^(_b + 1)] = (byte)round;
        _start.CopyTo(r);
        for (var offset = 0; offset < _tail.Length; offset += 16)
        {
            Xor(_tail.Slice(offset, 16), r);
            _aes.Encrypt(r, r);
        }
    }

    /// <summary>S = R || CIPH(R xor [1]^16) || CIPH(R xor [2]^16) ..., as many whole blocks as <paramref name="s"/> holds.</summary>
    public void Expand(ReadOnlySpan<byte> r, Span<byte> s)
    {
        r[..16].CopyTo(s);
        for (var j = 1; j * 16 < s.Length; j++)
        {
            var block = s.Slice(j * 16, 16);
            r[..16].CopyTo(block);
            block[12] ^= (byte)(j >> 24);
            block[13] ^= (byte)(j >> 16);
            block[14] ^= (byte)(j >> 8);
            block[15] ^= (byte)j;
            _aes.Encrypt(block, block);
        }
    }

    // |Q| = t + ((-t-b-1) mod 16) + 1 + b: the smallest multiple of 16 that holds T, the round byte and NUM(B).
    private static int QLength(int t, int b) => (t + b + 1 + 15) & ~15;

    private static void Xor(ReadOnlySpan<byte> block, Span<byte> state) =>
        (Vector128.Create(block[..16]) ^ Vector128.Create((ReadOnlySpan<byte>)state[..16])).CopyTo(state);
}
