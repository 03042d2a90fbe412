using System.Security.Cryptography;
using CsCheck;
using PciZone.Vault.Fpe;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Tests.Tokens;

public sealed class Ff1TokensTests : IDisposable
{
    private readonly Ff1 cipher = new(RandomNumberGenerator.GetBytes(32), 10);

    [Theory]
    [InlineData("ff1-keep-none-luhn-invalid", 12)]
    [InlineData("ff1-keep-last4-luhn-invalid", 12)]
    [InlineData("ff1-keep-first6-last4-luhn-invalid", 17)]
    public void Make_AnyPan_IsDeterministicLuhnInvalidAndKeepsDigits(string name, int minLength)
    {
        var profile = TokenProfile.Parse(name);
        PanGen.LuhnValid(minLength).Sample(pan =>
        {
            var token = Ff1Tokens.Make(cipher, pan, profile);

            Ff1Tokens.Make(cipher, pan, profile).ShouldBe(token);
            token.Length.ShouldBe(pan.Length);
            token.ShouldAllBe(c => char.IsAsciiDigit(c));
            token.ShouldNotBe(pan);
            Luhn.IsValid(token).ShouldBeFalse();
            token[..profile.KeepFirst].ShouldBe(pan[..profile.KeepFirst]);
            token[^profile.KeepLast..].ShouldBe(pan[^profile.KeepLast..]);
        }, iter: 1000);
    }

    [Fact]
    public void Make_DistinctPansWithSameKeptDigits_GiveDistinctTokens()
    {
        // 17 digits, first 6 and last 4 kept: 7 free digits of which 6 are enciphered, so only
        // 10^6 Luhn-valid PANs share these kept digits; 20,000 of them must map one-to-one.
        var profile = TokenProfile.Parse("ff1-keep-first6-last4-luhn-invalid");
        var pans = Enumerable.Range(0, 20_000).Select(i =>
        {
            var digits = $"411111{i * 37 % 1_000_000:000000}01111".ToCharArray();
            Luhn.SetDigitForSum(digits, 12, 0);
            return new string(digits);
        }).Distinct().ToList();

        var tokens = pans.Select(p => Ff1Tokens.Make(cipher, p, profile)).ToHashSet();

        tokens.Count.ShouldBe(pans.Count);
    }

    [Fact]
    public void Make_OtherKey_GivesOtherToken()
    {
        using var other = new Ff1(RandomNumberGenerator.GetBytes(32), 10);
        var profile = TokenProfile.Parse("ff1");

        Ff1Tokens.Make(other, "4111111111111111", profile).ShouldNotBe(Ff1Tokens.Make(cipher, "4111111111111111", profile));
    }

    [Fact]
    public void Make_KeptDigitsAreTheTweak_SameMiddleOtherLast4GivesOtherMiddle()
    {
        var profile = TokenProfile.Parse("ff1");
        var a = Ff1Tokens.Make(cipher, "4111111111111111", profile);
        var b = Ff1Tokens.Make(cipher, "4000056655665556", profile);
        var digits = "4111111111115556".ToCharArray();
        Luhn.SetDigitForSum(digits, 11, 0);
        var c = Ff1Tokens.Make(cipher, new string(digits), profile);

        a[..11].ShouldNotBe(c[..11]);
        b.ShouldNotBe(a);
    }

    public void Dispose() => cipher.Dispose();
}
