using CsCheck;
using PciZone.Vault.Tokens;

namespace PciZone.Vault.Tests.Tokens;

/// <summary>Synthetic Luhn-valid card numbers of 12 to 19 digits (never stored anywhere).</summary>
internal static class PanGen
{
    public static Gen<string> LuhnValid(int minLength = 12, int maxLength = 19) =>
        Gen.Int[minLength, maxLength].SelectMany(n => Gen.Char['0', '9'].Array[n]).Select(digits =>
        {
            Luhn.SetDigitForSum(digits, digits.Length - 1, 0);
            return new string(digits);
        });

    public static Gen<string> Any(int minLength = 12, int maxLength = 19) =>
        Gen.Int[minLength, maxLength].SelectMany(n => Gen.Char['0', '9'].Array[n]).Select(d => new string(d));
}
