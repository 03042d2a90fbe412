using System.Text;

namespace PciZone.Ingest.CloudFormation;

/// <summary>
/// Shares the strings a template repeats (property names, types, common values) within one parse,
/// so a 50,000-resource template keeps one "Properties" and one "AWS::S3::Bucket" instead of
/// 50,000 each. Bounded, so unique strings (logical ids) cannot grow it without limit.
/// </summary>
internal sealed class StringPool
{
    private const int MaxLength = 64;
    private const int MaxCount = 16_384;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string for UTF-8 bytes (decoded without allocating when already pooled).</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxLength];
        var span = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (_lookup.TryGetValue(span, out var pooled))
        {
            return pooled;
        }

        var text = span.ToString();
        if (_strings.Count < MaxCount)
        {
            _strings.Add(text);
        }

        return text;
    }

    /// <summary>The pooled instance equal to <paramref name="text"/>, so the caller's copy can be collected young.</summary>
    public string Get(string text)
    {
        if (text.Length > MaxLength)
        {
            return text;
        }

        if (_strings.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        if (_strings.Count < MaxCount)
        {
            _strings.Add(text);
        }

        return text;
    }
}
