using CsCheck;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Tests.Tokens;

public sealed class RandomTokensTests
{
    public static TheoryData<string> Profiles => new(
        from keep in new[] { "keep-none", "keep-last4", "keep-first6-last4" }
        from luhn in new[] { "luhn-valid", "luhn-invalid", "luhn-any" }
        select $"random-{keep}-{luhn}");

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Make_AnyPan_KeepsFormatAndKeptDigitsAndDiffersFromPan(string name)
    {
        var profile = TokenProfile.Parse(name);
        var min = profile.KeepFirst + profile.KeepLast + TokenProfile.MinRandomDigits;
        var pans = profile.RequiresLuhnInput ? PanGen.LuhnValid(Math.Max(12, min)) : PanGen.Any(Math.Max(12, min));
        pans.Sample(pan =>
        {
            var token = RandomTokens.Make(pan, profile);

            token.Length.ShouldBe(pan.Length);
            token.ShouldAllBe(c => char.IsAsciiDigit(c));
            token.ShouldNotBe(pan);
            token[..profile.KeepFirst].ShouldBe(pan[..profile.KeepFirst]);
            token[^profile.KeepLast..].ShouldBe(pan[^profile.KeepLast..]);
            if (profile.Luhn != LuhnRule.Any)
            {
                Luhn.IsValid(token).ShouldBe(profile.Luhn == LuhnRule.Valid);
            }
        }, iter: 1000);
    }

    [Fact]
    public void Make_SamePanManyTimes_GivesDifferentTokens()
    {
        var profile = TokenProfile.Parse("random");
        var tokens = Enumerable.Range(0, 200).Select(_ => RandomTokens.Make("4111111111111111", profile)).ToHashSet();

        // 11 free digits (one set by Luhn): a repeat among 200 draws has probability about 2e-6.
        tokens.Count.ShouldBe(200);
    }

    [Fact]
    public void Make_LuhnAny_ProducesBothValidAndInvalidTokens()
    {
        var profile = TokenProfile.Parse("random-keep-last4-luhn-any");
        var valid = Enumerable.Range(0, 500).Count(_ => Luhn.IsValid(RandomTokens.Make("4111111111111111", profile)));

        valid.ShouldBeInRange(10, 150);
    }

    [Fact]
    public void Make_FreeDigits_AreSpreadOverAllTenValues()
    {
        var profile = TokenProfile.Parse("random-keep-last4-luhn-any");
        var counts = new int[10];
        for (var i = 0; i < 1000; i++)
        {
            foreach (var c in RandomTokens.Make("4111111111111111", profile)[..12])
            {
                counts[c - '0']++;
            }
        }

        // 12,000 digits, expected 1,200 each.
        counts.ShouldAllBe(n => n > 1000 && n < 1400);
    }
}
