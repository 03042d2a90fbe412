using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace PciZone.Ingest.Terraform;

/// <summary>
/// Property names for one forward pass over an object. Looking up several properties of the same
/// object with TryGetProperty scans it once per lookup; in a plan of 100,000 resources those scans
/// were most of the instance walk.
/// </summary>
internal static class JsonNames
{
    /// <summary>The property's name as UTF-8: the raw bytes, unescaped only when the name has escapes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<byte> Of(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.Contains((byte)'\\') ? Encoding.UTF8.GetBytes(property.Name) : raw;
    }
}
