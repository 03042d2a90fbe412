namespace PciZone.Vault.Tokens;

/// <summary>
/// Turns caller input into the canonical card number: ASCII digits only. Spaces and hyphens are accepted
/// anywhere and removed, because card numbers are commonly written in groups ("4111 1111 1111 1111");
/// anything else (letters, dots, tabs, non-ASCII digits) is refused rather than guessed at.
/// </summary>
internal static class PanValidator
{
    public const int MinLength = 12;
    public const int MaxLength = 19;

    /// <summary>The digits of <paramref name="input"/>; throws <see cref="InvalidPanException"/> (never echoing the input).</summary>
    public static string Normalize(ReadOnlySpan<char> input, bool requireLuhn)
    {
        Span<char> digits = stackalloc char[MaxLength];
        var count = 0;
        var tooLong = false;
        foreach (var c in input)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                throw new InvalidPanException(VaultErrorCodes.NotDigits);
            }

            if (count == MaxLength)
            {
                // Keep scanning: a non-digit further on is the more useful error.
                tooLong = true;
                continue;
            }

            digits[count++] = c;
        }

        if (tooLong || count < MinLength)
        {
            throw new InvalidPanException(VaultErrorCodes.BadLength);
        }

        var pan = digits[..count];
        if (requireLuhn && !Luhn.IsValid(pan))
        {
            throw new InvalidPanException(VaultErrorCodes.Luhn);
        }

        return new string(pan);
    }
}
