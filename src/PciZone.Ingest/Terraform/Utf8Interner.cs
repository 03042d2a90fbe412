using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace PciZone.Ingest.Terraform;

/// <summary>
/// Hands out one string per distinct short JSON text. Types, names and count indexes repeat across
/// the instances of a large plan, and every string an instance keeps lives as long as the read: one
/// shared copy spares both the allocation and the garbage collector's copying of survivors.
/// </summary>
internal sealed class Utf8Interner
{
    private const int MaxLength = 128;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<(string, string), string> _joined = new(ReferencePair.Instance);

    public Utf8Interner() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The value of a string element, shared; "" for any other kind, as a missing property.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string String(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return "";
        }

        var raw = JsonMarshal.GetRawUtf8Value(element);
        var text = raw[1..^1]; // between the quotes
        return text.Length > MaxLength || text.Contains((byte)'\\') ? element.GetString() ?? "" : Intern(text);
    }

    /// <summary>The raw JSON text of an element (<c>0</c>, <c>"a"</c>), shared when short.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Raw(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        return raw.Length > MaxLength ? element.GetRawText() : Intern(raw);
    }

    /// <summary><c>a.b</c>, one string per pair of (interned) parts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Join(string a, string b)
    {
        if (!_joined.TryGetValue((a, b), out var joined))
        {
            _joined[(a, b)] = joined = string.Concat(a, ".", b);
        }

        return joined;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string Intern(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = stackalloc char[MaxLength];
        var n = Encoding.UTF8.GetChars(utf8, chars);
        var key = chars[..n];
        if (!_lookup.TryGetValue(key, out var s))
        {
            s = new string(key);
            _strings[s] = s;
        }

        return s;
    }

    /// <summary>Pairs of strings by reference: interned parts are one object per value.</summary>
    private sealed class ReferencePair : IEqualityComparer<(string, string)>
    {
        public static readonly ReferencePair Instance = new();

        public bool Equals((string, string) x, (string, string) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((string, string) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1),
                System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
