using Org.BouncyCastle.Crypto.Fpe;
using Org.BouncyCastle.Crypto.Parameters;
using PciZone.Vault.Fpe;

namespace PciZone.Vault.Tests.Fpe;

/// <summary>
/// Ours against BouncyCastle's FF1 on random keys, tweaks and inputs. Seeded: a failure names the seed and
/// the case index, which reproduce it (the numerals themselves are never printed).
/// </summary>
public sealed class Ff1DifferentialTests
{
    [Theory]
    [InlineData(10, 6, 19, 50_000, 20261201)]
    [InlineData(36, 6, 30, 50_000, 20261202)]
    public void Encrypt_100kRandomInputsInTotal_MatchesBouncyCastleAndDecryptsBack(int radix, int minLength, int maxLength, int cases, int seed)
    {
        Compare(radix, radix, minLength, maxLength, cases, seed);
    }

    [Fact]
    public void Encrypt_LongInputsOnTheBigIntegerPathAndEveryRadix_MatchesBouncyCastle()
    {
        // Radix 10 past 38 numerals and radix 36 past 24 leave the 64-bit path; radix 2..36 covers odd byte lengths b.
        Compare(10, 10, 39, 120, 1_000, 20261203);
        Compare(2, 36, 1, 90, 3_000, 20261204);
    }

    private static void Compare(int minRadix, int maxRadix, int minLength, int maxLength, int cases, int seed)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, 48).Select(i =>
        {
            var key = new byte[(i % 3) switch { 0 => 16, 1 => 32, _ => 24 }];
            random.NextBytes(key);
            return key;
        }).ToArray();
        var ours = new Dictionary<(int Key, int Radix), Ff1>();
        var reference = new FpeFf1Engine();
        try
        {
            for (var c = 0; c < cases; c++)
            {
                var radix = random.Next(minRadix, maxRadix + 1);
                var shortest = Math.Max(minLength, Ff1Radix.MinLength(radix));
                var length = random.Next(shortest, Math.Max(shortest, maxLength) + 1);
                var k = random.Next(keys.Length);
                var tweak = new byte[random.Next(0, 3) == 0 ? 0 : random.Next(1, 40)];
                random.NextBytes(tweak);
                var input = Ff1TestSupport.RandomNumerals(random, radix, length);
                if (!ours.TryGetValue((k, radix), out var ff1))
                {
                    ours[(k, radix)] = ff1 = new Ff1(keys[k], radix);
                }

                var expected = BouncyCastle(reference, keys[k], radix, tweak, input);
                var actual = Ff1TestSupport.Encrypt(ff1, input, tweak);

                (actual == expected).ShouldBeTrue($"seed {seed}, case {c}: radix {radix}, {length} numerals, key {keys[k].Length * 8} bits, tweak {tweak.Length} bytes");
                (Ff1TestSupport.Decrypt(ff1, actual, tweak) == input).ShouldBeTrue($"seed {seed}, case {c}: decrypt");
            }
        }
        finally
        {
            foreach (var ff1 in ours.Values)
            {
                ff1.Dispose();
            }
        }
    }

    private static string BouncyCastle(FpeFf1Engine engine, byte[] key, int radix, byte[] tweak, string input)
    {
        var numerals = input.Select(ch => (byte)Ff1TestSupport.Digits.IndexOf(ch, StringComparison.Ordinal)).ToArray();
        var output = new byte[numerals.Length];
        engine.Init(true, new FpeParameters(new KeyParameter(key), radix, tweak));
        engine.ProcessBlock(numerals, 0, numerals.Length, output, 0);
        return new string(output.Select(n => Ff1TestSupport.Digits[n]).ToArray());
    }
}
