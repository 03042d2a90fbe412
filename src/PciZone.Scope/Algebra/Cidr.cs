using System.Globalization;
using System.Text;

namespace PciZone.Scope.Algebra;

/// <summary>IPv4 addresses and CIDR blocks as <see cref="Range"/>s of 32-bit addresses.</summary>
public static class Cidr
{
    /// <summary>
    /// Parses <c>a.b.c.d/n</c> into the block's address range. Host bits below the prefix are cleared, as AWS
    /// does (<c>10.0.0.5/24</c> is <c>10.0.0.0/24</c>).
    /// </summary>
    /// <exception cref="FormatException">The text is not an IPv4 CIDR block; the message quotes it.</exception>
    public static Range Parse(string text) =>
        TryParse(text, out var range)
            ? range
            : throw new FormatException($"'{text}' is not an IPv4 CIDR block (a.b.c.d/n with n from 0 to 32).");

    /// <summary>Parses <c>a.b.c.d/n</c> like <see cref="Parse"/>; false when the text is not an IPv4 CIDR block.</summary>
    public static bool TryParse(string? text, out Range range)
    {
        range = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash < 0
            || !TryParseAddress(text.AsSpan(0, slash), out var address)
            || !TryParseNumber(text.AsSpan(slash + 1), 32, out var prefix))
        {
            return false;
        }

        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - (int)prefix);
        range = new Range(address & mask, (address & mask) | ~mask);
        return true;
    }

    /// <summary>Parses a dotted IPv4 address (<c>10.0.1.5</c>) into its 32-bit value.</summary>
    /// <exception cref="FormatException">The text is not an IPv4 address; the message quotes it.</exception>
    public static uint ParseAddress(string text) =>
        TryParseAddress(text, out var address)
            ? address
            : throw new FormatException($"'{text}' is not an IPv4 address (a.b.c.d).");

    /// <summary>Parses a dotted IPv4 address; false when the text is not one.</summary>
    public static bool TryParseAddress(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        for (var octet = 0; octet < 4; octet++)
        {
            var dot = text.IndexOf('.');
            var part = octet < 3 ? (dot < 0 ? [] : text[..dot]) : text;
            if ((octet < 3 && dot < 0) || !TryParseNumber(part, 255, out var value))
            {
                return false;
            }

            address = (address << 8) | value;
            text = octet < 3 ? text[(dot + 1)..] : [];
        }

        return true;
    }

    /// <summary>Writes a 32-bit address in dotted form.</summary>
    public static string FormatAddress(uint address) =>
        string.Create(CultureInfo.InvariantCulture, $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}");

    /// <summary>
    /// The fewest CIDR blocks that cover exactly <paramref name="range"/>, in address order
    /// (<c>10.0.0.0-10.0.1.255</c> is <c>10.0.0.0/23</c>; <c>10.0.0.1-10.0.0.2</c> is two /32s).
    /// </summary>
    public static IReadOnlyList<string> Blocks(Range range)
    {
        var blocks = new List<string>();
        ulong lo = range.Lo;
        ulong hi = range.Hi;
        while (lo <= hi)
        {
            // The largest aligned block starting at lo that does not run past hi.
            var size = lo == 0 ? 1UL << 32 : lo & (~lo + 1);
            while (lo + size - 1 > hi)
            {
                size >>= 1;
            }

            blocks.Add(string.Create(CultureInfo.InvariantCulture, $"{FormatAddress((uint)lo)}/{32 - System.Numerics.BitOperations.Log2(size)}"));
            lo += size;
        }

        return blocks;
    }

    /// <summary>The CIDR blocks of several ranges joined by <c>", "</c>; the ranges are merged first.</summary>
    public static string Describe(IEnumerable<Range> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var sb = new StringBuilder();
        foreach (var r in RangeList.Normalise([.. ranges]))
        {
            foreach (var block in Blocks(r))
            {
                sb.Append(sb.Length == 0 ? "" : ", ").Append(block);
            }
        }

        return sb.ToString();
    }

    /// <summary>Decimal without sign, spaces or leading zeros, at most <paramref name="max"/>.</summary>
    private static bool TryParseNumber(ReadOnlySpan<char> text, uint max, out uint value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 3 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var ch in text)
        {
            if (ch is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (uint)(ch - '0');
        }

        return value <= max;
    }
}
