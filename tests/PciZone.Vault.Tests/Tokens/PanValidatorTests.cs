using PciZone.Vault.Tokens;

namespace PciZone.Vault.Tests.Tokens;

public sealed class PanValidatorTests
{
    [Theory]
    [InlineData("4111111111111111", "4111111111111111")]
    [InlineData("4111 1111 1111 1111", "4111111111111111")]
    [InlineData("4111-1111-1111-1111", "4111111111111111")]
    [InlineData(" 3782-822463-10005 ", "378282246310005")]
    public void Normalize_DigitsWithSpacesOrHyphens_ReturnsDigitsOnly(string input, string expected)
    {
        PanValidator.Normalize(input, requireLuhn: true).ShouldBe(expected);
    }

    [Theory]
    [InlineData("4111111111111111a", VaultErrorCodes.NotDigits)]
    [InlineData("4111.1111.1111.1111", VaultErrorCodes.NotDigits)]
    [InlineData("4111\t1111111111111", VaultErrorCodes.NotDigits)]
    [InlineData("٤١١١١١١١١١١١١١١١", VaultErrorCodes.NotDigits)]
    [InlineData("41111111111", VaultErrorCodes.BadLength)]
    [InlineData("41111111111111111111", VaultErrorCodes.BadLength)]
    [InlineData("4111111111111111111111111111111111111111x", VaultErrorCodes.NotDigits)]
    [InlineData("", VaultErrorCodes.BadLength)]
    [InlineData(" - ", VaultErrorCodes.BadLength)]
    [InlineData("4111111111111112", VaultErrorCodes.Luhn)]
    public void Normalize_BadInput_ThrowsWithCodeAndNoInputInMessage(string input, string code)
    {
        var e = Should.Throw<InvalidPanException>(() => PanValidator.Normalize(input, requireLuhn: true));

        e.Code.ShouldBe(code);
        var digits = new string([.. input.Where(char.IsAsciiDigit)]);
        if (digits.Length >= 4)
        {
            e.Message.ShouldNotContain(digits[..4]);
        }
    }

    [Fact]
    public void Normalize_LuhnFailureWhenNotRequired_IsAccepted()
    {
        PanValidator.Normalize("4111111111111112", requireLuhn: false).ShouldBe("4111111111111112");
    }

    [Theory]
    [InlineData(12)]
    [InlineData(19)]
    public void Normalize_BoundaryLengths_AreAccepted(int length)
    {
        PanValidator.Normalize(new string('0', length), requireLuhn: true).Length.ShouldBe(length);
    }
}
