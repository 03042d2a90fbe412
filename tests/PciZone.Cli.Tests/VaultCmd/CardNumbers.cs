using System.Globalization;
using System.Text.RegularExpressions;

namespace PciZone.Cli.Tests.VaultCmd;

/// <summary>Test-pattern card numbers and a card-number scanner for log output.</summary>
internal static partial class CardNumbers
{
    /// <summary>The n-th test-pattern PAN: 411111, n as nine digits, and the Luhn check digit (16 digits, distinct per n).</summary>
    public static string Sequential(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 999_999_999L);
        var payload = "411111" + n.ToString("D9", CultureInfo.InvariantCulture);
        return payload + CheckDigit(payload);
    }

    /// <summary>The digit that makes <paramref name="payload"/> followed by it pass the Luhn check.</summary>
    public static char CheckDigit(string payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            // Doubling starts at the rightmost payload digit, which sits next to the check digit.
            var d = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    public static bool IsLuhnValid(string digits) =>
        digits.Length >= 2 && CheckDigit(digits[..^1]) == digits[^1];

    /// <summary>
    /// Every maximal run of 13 to 19 digits in <paramref name="text"/> that passes the Luhn check. Hex words of
    /// 32 or more characters that hold a letter (key ids, hashes) are skipped first: a random hex string holds
    /// a Luhn-valid 13-digit run often enough to make the scan flaky, and they are not card numbers.
    /// </summary>
    public static IReadOnlyList<string> LuhnValidRuns(string text)
    {
        var withoutHex = HexWord().Replace(text, m => m.Value.Any(char.IsAsciiLetter) ? "<hex>" : m.Value);
        return [.. DigitRun().Matches(withoutHex).Select(m => m.Value).Where(IsLuhnValid)];
    }

    [GeneratedRegex("(?<![0-9A-Fa-f])[0-9A-Fa-f]{32,}(?![0-9A-Fa-f])")]
    private static partial Regex HexWord();

    [GeneratedRegex("(?<![0-9])[0-9]{13,19}(?![0-9])")]
    private static partial Regex DigitRun();
}
