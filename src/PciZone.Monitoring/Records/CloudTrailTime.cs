using System.Globalization;
using System.Text;

namespace PciZone.Monitoring.Records;

/// <summary>
/// Parses CloudTrail's <c>eventTime</c> (<c>2014-03-06T21:22:54Z</c>, sometimes with fractional
/// seconds) straight from UTF-8 without allocating; anything else falls back to the general parser.
/// </summary>
internal static class CloudTrailTime
{
    public static bool TryParse(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        if (s.Length == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' && s[19] == 'Z'
            && Digits(s, 0, 4, out var y) && Digits(s, 5, 2, out var mo) && Digits(s, 8, 2, out var d)
            && Digits(s, 11, 2, out var h) && Digits(s, 14, 2, out var mi) && Digits(s, 17, 2, out var sec)
            && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(Math.Max(1, y), mo) && h < 24 && mi < 60 && sec < 60 && y >= 1)
        {
            value = new DateTimeOffset(y, mo, d, h, mi, sec, TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(
            Encoding.UTF8.GetString(s), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value) && s.Length >= 10;
    }

    /// <summary>The canonical text used in alert keys: UTC, milliseconds, <c>Z</c>.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = s[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
