using System.Text;
using PciZone.Vault.Fpe;

namespace PciZone.Vault.Tokens;

/// <summary>
/// Deterministic FF1 tokens. The card number is Luhn-valid, so its last free digit is fixed by the others;
/// FF1 enciphers the other free digits (tweak = length and kept digits) and the last free digit is then set
/// so the token fails the Luhn check. The map is one-to-one (two card numbers with the same kept digits
/// differ in the enciphered digits), and a Luhn-invalid token can never equal the Luhn-valid card number.
/// Detokenisation never deciphers: the vault keeps the encrypted card number anyway.
/// </summary>
internal static class Ff1Tokens
{
    public static string Make(Ff1 cipher, string pan, TokenProfile profile)
    {
        profile.EnsureApplicable(pan.Length);
        var enciphered = profile.FreeDigits(pan.Length) - 1;
        Span<byte> tweak = stackalloc byte[32];
        var tweakLength = Tweak(pan, profile, tweak);

        Span<char> token = stackalloc char[pan.Length];
        pan.AsSpan().CopyTo(token);
        var middle = token.Slice(profile.KeepFirst, enciphered);
        cipher.Encrypt(pan.AsSpan(profile.KeepFirst, enciphered), tweak[..tweakLength], middle);

        // Any non-zero residue makes the token Luhn-invalid; deriving it from the ciphertext spreads the
        // residues so FF1 tokens are not recognisable by one fixed Luhn sum.
        var digitSum = 0;
        foreach (var c in middle)
        {
            digitSum += c - '0';
        }

        Luhn.SetDigitForSum(token, profile.KeepFirst + enciphered, 1 + (digitSum % 9));
        return new string(token);
    }

    /// <summary>"{length}:{kept first}:{kept last}" in ASCII: tokens of different lengths or kept digits use different permutations.</summary>
    private static int Tweak(string pan, TokenProfile profile, Span<byte> tweak)
    {
        var text = $"{pan.Length}:{pan.AsSpan(0, profile.KeepFirst)}:{pan.AsSpan(pan.Length - profile.KeepLast)}";
        return Encoding.ASCII.GetBytes(text, tweak);
    }
}
