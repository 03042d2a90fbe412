using System.Security.Cryptography;

namespace PciZone.Vault.Tokens;

/// <summary>
/// Random vault tokens: the free digits come from the operating system's CSPRNG, so a token says nothing
/// about the card number beyond the digits the profile keeps. Uniqueness across the vault is the store's
/// job (InsertOrGet on the token); this class only guarantees the format and that the token differs from
/// the card number it stands for.
/// </summary>
internal static class RandomTokens
{
    private const string Digits = "0123456789";

    public static string Make(string pan, TokenProfile profile)
    {
        profile.EnsureApplicable(pan.Length);
        var free = profile.FreeDigits(pan.Length);
        var adjust = profile.KeepFirst + free - 1;
        Span<char> token = stackalloc char[pan.Length];
        do
        {
            pan.AsSpan().CopyTo(token);
            RandomNumberGenerator.GetItems(Digits, token.Slice(profile.KeepFirst, free));
            switch (profile.Luhn)
            {
                case LuhnRule.Valid:
                    Luhn.SetDigitForSum(token, adjust, 0);
                    break;
                case LuhnRule.Invalid:
                    Luhn.SetDigitForSum(token, adjust, RandomNumberGenerator.GetInt32(1, 10));
                    break;
            }
        }
        while (token.SequenceEqual(pan));

        return new string(token);
    }
}
