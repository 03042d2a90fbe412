namespace PciZone.Monitoring.Detection;

/// <summary>
/// Case-insensitive comparison of UTF-8 bytes for ASCII letters (Sigma's case-insensitive matching);
/// other bytes compare exactly. Patterns are lower-cased once at compile time.
/// </summary>
internal static class AsciiFold
{
    public static byte Lower(byte b) => (uint)(b - 'A') <= 'Z' - 'A' ? (byte)(b | 0x20) : b;

    public static byte[] LowerAll(ReadOnlySpan<byte> text)
    {
        var result = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            result[i] = Lower(text[i]);
        }

        return result;
    }

    /// <summary>True when <paramref name="value"/> equals the lower-cased <paramref name="lowered"/>.</summary>
    public static bool EqualsLowered(ReadOnlySpan<byte> value, ReadOnlySpan<byte> lowered)
    {
        if (value.Length != lowered.Length)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (Lower(value[i]) != lowered[i])
            {
                return false;
            }
        }

        return true;
    }

    public static int IndexOfLowered(ReadOnlySpan<byte> value, ReadOnlySpan<byte> lowered)
    {
        if (lowered.IsEmpty)
        {
            return 0;
        }

        var first = lowered[0];
        var upper = (uint)(first - 'a') <= 'z' - 'a' ? (byte)(first & 0xDF) : first;
        var rest = lowered[1..];
        var offset = 0;
        while (value.Length - offset >= lowered.Length)
        {
            var window = value[offset..(value.Length - rest.Length)];
            var hit = first == upper ? window.IndexOf(first) : window.IndexOfAny(first, upper);
            if (hit < 0)
            {
                return -1;
            }

            var at = offset + hit;
            if (EqualsLowered(value.Slice(at + 1, rest.Length), rest))
            {
                return at;
            }

            offset = at + 1;
        }

        return -1;
    }
}
