using System.Buffers.Text;
using System.Text;

namespace PciZone.Monitoring.Records;

/// <summary>Unescapes (never longer than the source) a JSON string body (already validated by Utf8JsonReader) into UTF-8.</summary>
internal static class JsonUnescape
{
    public static int Unescape(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            if (b != (byte)'\\')
            {
                destination[written++] = b;
                continue;
            }

            var c = source[++i];
            switch (c)
            {
                case (byte)'n': destination[written++] = (byte)'\n'; break;
                case (byte)'t': destination[written++] = (byte)'\t'; break;
                case (byte)'r': destination[written++] = (byte)'\r'; break;
                case (byte)'b': destination[written++] = (byte)'\b'; break;
                case (byte)'f': destination[written++] = (byte)'\f'; break;
                case (byte)'u':
                    var code = Hex(source.Slice(i + 1, 4));
                    i += 4;
                    if (char.IsHighSurrogate((char)code) && i + 6 < source.Length && source[i + 1] == (byte)'\\' && source[i + 2] == (byte)'u')
                    {
                        var low = Hex(source.Slice(i + 3, 4));
                        if (char.IsLowSurrogate((char)low))
                        {
                            code = char.ConvertToUtf32((char)code, (char)low);
                            i += 6;
                        }
                    }

                    // A lone surrogate becomes U+FFFD: there is no UTF-8 for it.
                    var rune = Rune.IsValid(code) ? new Rune(code) : Rune.ReplacementChar;
                    written += rune.EncodeToUtf8(destination[written..]);
                    break;
                default: destination[written++] = c; break; // \" \\ \/
            }
        }

        return written;
    }

    private static int Hex(ReadOnlySpan<byte> four) =>
        Utf8Parser.TryParse(four, out uint value, out var consumed, 'X') && consumed == 4 ? (int)value : 0xFFFD;
}
