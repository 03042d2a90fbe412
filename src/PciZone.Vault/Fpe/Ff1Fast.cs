using System.Buffers.Binary;
using System.Numerics;

namespace PciZone.Vault.Fpe;

/// <summary>
/// FF1's ten Feistel rounds when radix^v fits in 64 bits (v = ceil(n/2); radix 10 up to 38 numerals, which
/// covers every card number). A and B stay integers through all rounds (NUM(STR(c)) = c), so numerals are
/// parsed once and written once; everything lives on the stack and nothing is allocated.
/// </summary>
internal static class Ff1Fast
{
    public static bool Fits(int radix, int n) => n - (n / 2) < Ff1Radix.Powers(radix).Length;

    public static void Run(AesBlock aes, int radix, ReadOnlySpan<char> input, ReadOnlySpan<byte> tweak, Span<char> output, bool encrypt)
    {
        var n = input.Length;
        var u = n / 2;
        var v = n - u;
        var powers = Ff1Radix.Powers(radix);
        var b = (64 - BitOperations.LeadingZeroCount(powers[v] - 1) + 7) / 8; // bytes of radix^v - 1: at most 8
        var d = (4 * ((b + 3) / 4)) + 4;                                       // 8 or 12: S is R's first d bytes
        var mu = powers[u];
        var mv = powers[v];
        var a = Numerals.ToUInt64(input[..u], radix);
        var bv = Numerals.ToUInt64(input[u..], radix);

        Span<byte> start = stackalloc byte[16];
        Span<byte> tail = stackalloc byte[Ff1Prf.TailLength(tweak.Length, b)];
        Span<byte> r = stackalloc byte[16];
        Span<byte> numeral = stackalloc byte[8];
        var prf = new Ff1Prf(aes, radix, n, tweak, b, start, tail);
        for (var k = 0; k < 10; k++)
        {
            var round = encrypt ? k : 9 - k;
            BinaryPrimitives.WriteUInt64BigEndian(numeral, encrypt ? bv : a);
            numeral[(8 - b)..].CopyTo(prf.Numeral);
            prf.Round(round, r);
            var m = (round & 1) == 0 ? mu : mv;
            var y = Reduce(r, d, m);
            if (encrypt)
            {
                // (NUM(A) + y) mod radix^m; the sum can pass 2^64 when m is near it, and wrapping then gives the right result.
                var c = a + y;
                if (c < a || c >= m)
                {
                    c -= m;
                }

                a = bv;
                bv = c;
            }
            else
            {
                var c = bv >= y ? bv - y : bv + (m - y);
                bv = a;
                a = c;
            }
        }

        Numerals.Write(a, output[..u], radix);
        Numerals.Write(bv, output[u..], radix);
        r.Clear();
        tail.Clear();
        numeral.Clear();
    }

    // y = NUM(S) mod radix^m, S being the first d bytes of R.
    private static ulong Reduce(ReadOnlySpan<byte> r, int d, ulong m)
    {
        if (d == 8)
        {
            return BinaryPrimitives.ReadUInt64BigEndian(r) % m;
        }

        var y = new UInt128(BinaryPrimitives.ReadUInt32BigEndian(r), BinaryPrimitives.ReadUInt64BigEndian(r[4..]));
        return (ulong)(y % m);
    }
}
