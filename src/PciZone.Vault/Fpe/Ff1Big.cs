using System.Numerics;

namespace PciZone.Vault.Fpe;

/// <summary>
/// FF1's rounds on <see cref="BigInteger"/> for inputs whose halves pass 64 bits (more than 38 decimal
/// numerals, 26 in radix 36). Allocates; long inputs are not the card-number hot path.
/// </summary>
internal static class Ff1Big
{
    public static void Run(AesBlock aes, int radix, ReadOnlySpan<char> input, ReadOnlySpan<byte> tweak, Span<char> output, bool encrypt)
    {
        var n = input.Length;
        var u = n / 2;
        var v = n - u;
        var mu = BigInteger.Pow(radix, u);
        var mv = BigInteger.Pow(radix, v);
        var b = (int)(((mv - 1).GetBitLength() + 7) / 8);
        var d = (4 * ((b + 3) / 4)) + 4;
        var a = Numerals.ToBigInteger(input[..u], radix);
        var bv = Numerals.ToBigInteger(input[u..], radix);

        var start = new byte[16];
        var tail = new byte[Ff1Prf.TailLength(tweak.Length, b)];
        var r = new byte[16];
        var s = new byte[(d + 15) & ~15];
        var prf = new Ff1Prf(aes, radix, n, tweak, b, start, tail);
        for (var k = 0; k < 10; k++)
        {
            var round = encrypt ? k : 9 - k;
            var x = encrypt ? bv : a;
            var numeral = prf.Numeral;
            numeral.Clear();
            var length = x.GetByteCount(isUnsigned: true);
            x.TryWriteBytes(numeral[(numeral.Length - length)..], out _, isUnsigned: true, isBigEndian: true);
            prf.Round(round, r);
            prf.Expand(r, s);
            var y = new BigInteger(s.AsSpan(0, d), isUnsigned: true, isBigEndian: true);
            var m = (round & 1) == 0 ? mu : mv;
            if (encrypt)
            {
                var c = (a + y) % m;
                a = bv;
                bv = c;
            }
            else
            {
                var c = (bv - y) % m;
                if (c.Sign < 0)
                {
                    c += m;
                }

                bv = a;
                a = c;
            }
        }

        Numerals.Write(a, output[..u], radix);
        Numerals.Write(bv, output[u..], radix);
        Array.Clear(r);
        Array.Clear(s);
        Array.Clear(tail);
    }
}
