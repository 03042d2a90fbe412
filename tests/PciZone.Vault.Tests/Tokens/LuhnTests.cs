using CsCheck;
using PciZone.Vault.Tests.Service.Support;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Tests.Tokens;

public sealed class LuhnTests
{
    [Fact]
    public void IsValid_TestCardNumbers_AreValid()
    {
        VaultHarness.TestPans.ShouldAllBe(p => Luhn.IsValid(p));
    }

    [Theory]
    [InlineData("4111111111111112")]
    [InlineData("4111111111111121")]
    [InlineData("5555555555554445")]
    public void IsValid_OneDigitChangedOrSwapped_IsInvalid(string number)
    {
        Luhn.IsValid(number).ShouldBeFalse();
    }

    [Fact]
    public void SetDigitForSum_AnyPositionAndTarget_GivesThatSum()
    {
        Gen.Select(Gen.Char['0', '9'].Array[12, 19], Gen.Int[0, 9], Gen.Int[0, 100]).Sample((digits, target, at) =>
        {
            var index = at % digits.Length;
            Luhn.SetDigitForSum(digits, index, target);
            Luhn.Sum(digits).ShouldBe(target);
        }, iter: 2000);
    }
}
