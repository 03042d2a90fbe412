using System.Buffers;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PciZone.Monitoring.Detection;

/// <summary>One compiled value test over a record value's UTF-8 text.</summary>
internal abstract class ValueMatcher
{
    /// <summary>The value as written in the rule (after placeholder expansion), for messages and the pre-filter.</summary>
    public required string Text { get; init; }

    public abstract bool Match(ReadOnlySpan<byte> value);
}

internal sealed class EqualsMatcher(byte[] lowered) : ValueMatcher
{
    public byte[] Lowered { get; } = lowered;

    public override bool Match(ReadOnlySpan<byte> value) => AsciiFold.EqualsLowered(value, Lowered);
}

internal sealed class StartsWithMatcher(byte[] lowered) : ValueMatcher
{
    public override bool Match(ReadOnlySpan<byte> value) =>
        value.Length >= lowered.Length && AsciiFold.EqualsLowered(value[..lowered.Length], lowered);
}

internal sealed class EndsWithMatcher(byte[] lowered) : ValueMatcher
{
    public override bool Match(ReadOnlySpan<byte> value) =>
        value.Length >= lowered.Length && AsciiFold.EqualsLowered(value[^lowered.Length..], lowered);
}

internal sealed class ContainsMatcher(byte[] lowered) : ValueMatcher
{
    public override bool Match(ReadOnlySpan<byte> value) => AsciiFold.IndexOfLowered(value, lowered) >= 0;
}

/// <summary>A lone <c>*</c>: any value.</summary>
internal sealed class AnyMatcher : ValueMatcher
{
    public override bool Match(ReadOnlySpan<byte> value) => true;
}

/// <summary>
/// Sigma wildcards: <c>*</c> any run, <c>?</c> one character (one UTF-8 sequence); literal bytes are
/// lower-cased and escapes (<c>\*</c>, <c>\?</c>, <c>\\</c>) already resolved.
/// </summary>
internal sealed class GlobMatcher(GlobToken[] tokens) : ValueMatcher
{
    public override bool Match(ReadOnlySpan<byte> value)
    {
        // Iterative matching with one backtrack point (the last star): linear for typical patterns.
        int t = 0, v = 0, starT = -1, starV = 0;
        while (v < value.Length)
        {
            if (t < tokens.Length && tokens[t].Kind == GlobKind.Star)
            {
                starT = t++;
                starV = v;
                continue;
            }

            if (t < tokens.Length && Step(tokens[t], value, ref v))
            {
                t++;
                continue;
            }

            if (starT < 0)
            {
                return false;
            }

            t = starT + 1;
            v = ++starV;
        }

        while (t < tokens.Length && tokens[t].Kind == GlobKind.Star)
        {
            t++;
        }

        return t == tokens.Length;
    }

    private static bool Step(GlobToken token, ReadOnlySpan<byte> value, ref int v)
    {
        if (token.Kind == GlobKind.One)
        {
            v += Utf8Length(value[v]);
            if (v > value.Length)
            {
                v = value.Length;
            }

            return true;
        }

        if (AsciiFold.Lower(value[v]) != token.Byte)
        {
            return false;
        }

        v++;
        return true;
    }

    private static int Utf8Length(byte lead) => lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

internal enum GlobKind : byte
{
    Literal,
    Star,
    One,
}

internal readonly record struct GlobToken(GlobKind Kind, byte Byte);

/// <summary><c>|re</c>: .NET regular expression, case-sensitive unless the pattern says <c>(?i)</c>.</summary>
internal sealed class RegexMatcher(Regex regex) : ValueMatcher
{
    public override bool Match(ReadOnlySpan<byte> value)
    {
        char[]? rented = null;
        var chars = value.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(value.Length));
        try
        {
            var n = Encoding.UTF8.GetChars(value, chars);
            return regex.IsMatch(chars[..n]);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological value must not stall the monitor; it simply does not match.
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}

/// <summary><c>|cidr</c>: the value is an IP address inside the network; other values do not match.</summary>
internal sealed class CidrMatcher(IPNetwork network) : ValueMatcher
{
    public override bool Match(ReadOnlySpan<byte> value)
    {
        // IPAddress.TryParse also takes "80" as 0.0.0.80: only dotted-quad and colon forms are addresses here.
        Span<char> chars = stackalloc char[64];
        if (value.Length > chars.Length || value.IndexOfAny((byte)'.', (byte)':') < 0)
        {
            return false;
        }

        var n = Encoding.UTF8.GetChars(value, chars);
        if (!IPAddress.TryParse(chars[..n], out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6 && network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            address = address.MapToIPv4();
        }

        return network.Contains(address);
    }
}
