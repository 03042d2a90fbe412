using PciZone.Vault.Tokens;

namespace PciZone.Vault.Tests.Tokens;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("4111111111111111", 6, 4, '*', "411111******1111")]
    [InlineData("378282246310005", 6, 4, '*', "378282*****0005")]
    [InlineData("4111111111111111", 0, 4, '#', "############1111")]
    [InlineData("4111111111111111", 6, 0, 'x', "411111xxxxxxxxxx")]
    [InlineData("4111111111111111", 0, 0, '*', "****************")]
    public void Mask_Options_ShowOnlyTheRequestedDigits(string pan, int first, int last, char maskChar, string expected)
    {
        var options = new MaskOptions(first, last, maskChar);
        options.Validate();
        Masker.Mask(pan, options).ShouldBe(expected);
    }

    [Theory]
    [InlineData(7, 4, '*')]
    [InlineData(6, 5, '*')]
    [InlineData(-1, 4, '*')]
    [InlineData(6, 4, '5')]
    [InlineData(6, 4, '\n')]
    public void Validate_MoreThanPciAllowsOrDigitMask_Throws(int first, int last, char maskChar)
    {
        Should.Throw<VaultInputException>(() => new MaskOptions(first, last, maskChar).Validate());
    }

    [Fact]
    public void Pan_ToString_IsMaskedAndRevealIsNot()
    {
        var pan = new Pan("5555555555554444");

        pan.ToString().ShouldBe("555555******4444");
        $"{pan}".ShouldNotContain("5555555555554444");
        pan.Reveal().ShouldBe("5555555555554444");
        pan.Last4.ShouldBe("4444");
    }
}
