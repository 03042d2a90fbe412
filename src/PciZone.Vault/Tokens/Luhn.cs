namespace PciZone.Vault.Tokens;

/// <summary>
/// The Luhn (mod 10) check of ISO/IEC 7812. Each digit contributes f(d): itself at even positions from the
/// right (0-based) and 2d (minus 9 when above 9) at odd ones; a number is valid when the sum is 0 mod 10.
/// Both maps are bijections on 0-9, so any one digit can be chosen to give any sum: token makers use that
/// to make tokens Luhn-valid or deliberately Luhn-invalid.
/// </summary>
internal static class Luhn
{
    public static bool IsValid(ReadOnlySpan<char> digits) => Sum(digits) == 0;

    /// <summary>The Luhn sum mod 10 of ASCII digits.</summary>
    public static int Sum(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += Contribution(digits[i] - '0', digits.Length - 1 - i);
        }

        return sum % 10;
    }

    /// <summary>Sets the digit at <paramref name="index"/> so that the Luhn sum of the whole number is <paramref name="target"/> mod 10.</summary>
    public static void SetDigitForSum(Span<char> digits, int index, int target)
    {
        digits[index] = '0';
        var rest = Sum(digits);
        var wanted = ((target - rest) % 10 + 10) % 10;
        var fromRight = digits.Length - 1 - index;
        for (var d = 0; d < 10; d++)
        {
            if (Contribution(d, fromRight) == wanted)
            {
                digits[index] = (char)('0' + d);
                return;
            }
        }
    }

    private static int Contribution(int digit, int fromRight)
    {
        if (fromRight % 2 == 0)
        {
            return digit;
        }

        var doubled = digit * 2;
        return doubled > 9 ? doubled - 9 : doubled;
    }
}
