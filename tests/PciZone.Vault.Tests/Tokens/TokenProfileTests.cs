using PciZone.Vault.Tokens;

namespace PciZone.Vault.Tests.Tokens;

public sealed class TokenProfileTests
{
    [Theory]
    [InlineData(null, "random-keep-last4-luhn-invalid")]
    [InlineData("", "random-keep-last4-luhn-invalid")]
    [InlineData("random", "random-keep-last4-luhn-invalid")]
    [InlineData("ff1", "ff1-keep-last4-luhn-invalid")]
    [InlineData("random-keep-none-luhn-valid", "random-keep-none-luhn-valid")]
    [InlineData("random-keep-first6-last4-luhn-any", "random-keep-first6-last4-luhn-any")]
    [InlineData("ff1-keep-first6-last4-luhn-invalid", "ff1-keep-first6-last4-luhn-invalid")]
    public void Parse_KnownNames_GiveCanonicalName(string? name, string canonical)
    {
        TokenProfile.Parse(name).Name.ShouldBe(canonical);
    }

    [Theory]
    [InlineData("Random")]
    [InlineData("random-keep-last4")]
    [InlineData("random-keep-last4-luhn-invalid-extra")]
    [InlineData("random-keep-last3-luhn-invalid")]
    [InlineData("ff1-keep-last4-luhn-valid")]
    [InlineData("ff1-keep-last4-luhn-any")]
    [InlineData("aes-keep-last4-luhn-invalid")]
    public void Parse_UnknownNames_Throw(string name)
    {
        Should.Throw<InvalidProfileException>(() => TokenProfile.Parse(name)).Code.ShouldBe(VaultErrorCodes.UnknownProfile);
    }

    [Theory]
    [InlineData("random-keep-first6-last4-luhn-invalid", 15)]
    [InlineData("random-keep-first6-last4-luhn-invalid", 12)]
    [InlineData("ff1-keep-first6-last4-luhn-invalid", 16)]
    [InlineData("ff1-keep-last4-luhn-invalid", 10)]
    public void EnsureApplicable_TooFewTokenDigits_Refuses(string name, int length)
    {
        var e = Should.Throw<InvalidProfileException>(() => TokenProfile.Parse(name).EnsureApplicable(length));
        e.Code.ShouldBe(VaultErrorCodes.ProfileNotApplicable);
    }

    [Theory]
    [InlineData("random-keep-first6-last4-luhn-invalid", 16)]
    [InlineData("ff1-keep-first6-last4-luhn-invalid", 17)]
    [InlineData("ff1-keep-last4-luhn-invalid", 12)]
    [InlineData("random-keep-none-luhn-any", 12)]
    public void EnsureApplicable_EnoughTokenDigits_Accepts(string name, int length)
    {
        Should.NotThrow(() => TokenProfile.Parse(name).EnsureApplicable(length));
    }

    [Fact]
    public void StoredName_Ff1_CarriesKeyVersionAndParsesBack()
    {
        var profile = TokenProfile.Parse("ff1");
        var stored = profile.StoredName(3);

        stored.ShouldBe("ff1-keep-last4-luhn-invalid/v3");
        TokenProfile.ParseStored(stored).ShouldBe((profile, (int?)3));
        TokenProfile.ParseStored("random-keep-none-luhn-any").Ff1KeyVersion.ShouldBeNull();
    }

    [Theory]
    [InlineData("random-keep-last4-luhn-valid", true)]
    [InlineData("ff1", true)]
    [InlineData("random-keep-last4-luhn-any", false)]
    public void RequiresLuhnInput_DependsOnLuhnRule(string name, bool expected)
    {
        TokenProfile.Parse(name).RequiresLuhnInput.ShouldBe(expected);
    }
}
