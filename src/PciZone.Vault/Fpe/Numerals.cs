using System.Numerics;

namespace PciZone.Vault.Fpe;

/// <summary>NUM_radix and STR^m_radix of SP 800-38G: numeral strings to integers and back (input already validated).</summary>
internal static class Numerals
{
    /// <summary>NUM_radix of at most as many numerals as fit in a ulong.</summary>
    public static ulong ToUInt64(ReadOnlySpan<char> numerals, int radix)
    {
        ulong value = 0;
        foreach (var c in numerals)
        {
            value = (value * (ulong)radix) + (ulong)Ff1Radix.DigitValue(c);
        }

        return value;
    }

    /// <summary>STR^m_radix: exactly <c>destination.Length</c> numerals, most significant first.</summary>
    public static void Write(ulong value, Span<char> destination, int radix)
    {
        // A constant divisor lets the JIT multiply instead of divide: radix 10 is the card-number case.
        if (radix == 10)
        {
            for (var i = destination.Length - 1; i >= 0; i--)
            {
                (value, var digit) = Math.DivRem(value, 10UL);
                destination[i] = (char)('0' + (int)digit);
            }

            return;
        }

        for (var i = destination.Length - 1; i >= 0; i--)
        {
            (value, var digit) = Math.DivRem(value, (ulong)radix);
            destination[i] = Ff1Radix.Alphabet[(int)digit];
        }
    }

    /// <summary>NUM_radix of any length, a ulong-sized chunk of numerals at a time.</summary>
    public static BigInteger ToBigInteger(ReadOnlySpan<char> numerals, int radix)
    {
        var powers = Ff1Radix.Powers(radix);
        var chunk = powers.Length - 1;
        var value = BigInteger.Zero;
        for (var offset = 0; offset < numerals.Length; offset += chunk)
        {
            var part = numerals.Slice(offset, Math.Min(chunk, numerals.Length - offset));
            value = (value * powers[part.Length]) + ToUInt64(part, radix);
        }

        return value;
    }

    /// <summary>STR^m_radix of any length, a ulong-sized chunk of numerals at a time from the right.</summary>
    public static void Write(BigInteger value, Span<char> destination, int radix)
    {
        var powers = Ff1Radix.Powers(radix);
        var chunk = powers.Length - 1;
        for (var end = destination.Length; end > 0; end -= chunk)
        {
            var length = Math.Min(chunk, end);
            value = BigInteger.DivRem(value, powers[length], out var remainder);
            Write((ulong)remainder, destination.Slice(end - length, length), radix);
        }
    }
}
