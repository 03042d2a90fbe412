using CsCheck;
using PciZone.Vault.Fpe;

namespace PciZone.Vault.Tests.Fpe;

/// <summary>Round trips and path equivalence over random radices, lengths (both arithmetic paths), tweaks and keys.</summary>
public sealed class Ff1PropertyTests
{
    private static readonly Gen<(int Radix, char[] Input, byte[] Tweak, byte[] Key)> Cases =
        from radix in Gen.Int[2, 36]
        from length in Gen.Int[Ff1Radix.MinLength(radix), 140]
        from input in Gen.Char[Ff1TestSupport.Digits[..radix]].Array[length]
        from tweak in Gen.Byte.Array[0, 40]
        from keyLength in Gen.OneOfConst(16, 24, 32)
        from key in Gen.Byte.Array[keyLength]
        select (radix, input, tweak, key);

    [Fact]
    public void DecryptOfEncrypt_AnyRadixLengthTweakAndKey_GivesTheInputBackInTheSameAlphabet()
    {
        Cases.Sample(c =>
        {
            using var ff1 = new Ff1(c.Key, c.Radix);
            var cipher = new char[c.Input.Length];
            var plain = new char[c.Input.Length];

            ff1.Encrypt(c.Input, c.Tweak, cipher);
            ff1.Decrypt(cipher, c.Tweak, plain);

            plain.ShouldBe(c.Input);
            var alphabet = Ff1TestSupport.Digits[..c.Radix];
            cipher.ShouldAllBe(ch => alphabet.Contains(ch, StringComparison.Ordinal));
        }, iter: 1_500, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Encrypt_AesNiAndPlatformAes_GiveTheSameCiphertext()
    {
        Cases.Sample(c =>
        {
            using var fast = new Ff1(c.Key, c.Radix);
            using var platform = new Ff1(c.Key, c.Radix, allowIntrinsics: false);
            var a = new char[c.Input.Length];
            var b = new char[c.Input.Length];

            fast.Encrypt(c.Input, c.Tweak, a);
            platform.Encrypt(c.Input, c.Tweak, b);

            a.ShouldBe(b);
        }, iter: 500, seed: "0N0XIzNsQ0O3");
    }

    [Fact]
    public void Encrypt_InPlace_GivesTheSameAsIntoAnotherBuffer()
    {
        Cases.Sample(c =>
        {
            using var ff1 = new Ff1(c.Key, c.Radix);
            var separate = new char[c.Input.Length];
            var buffer = (char[])c.Input.Clone();

            ff1.Encrypt(c.Input, c.Tweak, separate);
            ff1.Encrypt(buffer, c.Tweak, buffer);
            buffer.ShouldBe(separate);
            ff1.Decrypt(buffer, c.Tweak, buffer);
            buffer.ShouldBe(c.Input);
        }, iter: 300, seed: "0N0XIzNsQ0O4");
    }

    [Fact]
    public void Encrypt_TweakOrKeyChanged_ChangesTheCiphertext()
    {
        const string pan = "4111111111111111";
        var key = new byte[32];
        using var ff1 = new Ff1(key, 10);
        key[0] = 1;
        using var other = new Ff1(key, 10);

        var baseline = Ff1TestSupport.Encrypt(ff1, pan, [1, 2, 3, 4, 5, 6, 7]);

        baseline.ShouldNotBe(pan);
        Ff1TestSupport.Encrypt(ff1, pan, [1, 2, 3, 4, 5, 6, 8]).ShouldNotBe(baseline);
        Ff1TestSupport.Encrypt(other, pan, [1, 2, 3, 4, 5, 6, 7]).ShouldNotBe(baseline);
    }

    [Fact]
    public void Encrypt_MaximumLengthInRadix36_RoundTrips()
    {
        var random = new Random(4096);
        var input = Ff1TestSupport.RandomNumerals(random, 36, 4096);
        using var ff1 = new Ff1(new byte[32], 36);

        var cipher = Ff1TestSupport.Encrypt(ff1, input, [9, 9]);

        cipher.ShouldNotBe(input);
        Ff1TestSupport.Decrypt(ff1, cipher, [9, 9]).ShouldBe(input);
    }
}
