using System.Text.Json;
using System.Text.RegularExpressions;

namespace PciZone.Ingest;

/// <summary>One-line, 1-based JSON error messages (System.Text.Json appends a 0-based position).</summary>
internal static partial class JsonErrors
{
    public static int Line(JsonException ex) => (int)(ex.LineNumber ?? 0) + 1;

    public static string Message(JsonException ex)
    {
        var text = Position().Replace(ex.Message.Split('\n')[0], "").Trim();
        var column = ex.BytePositionInLine is { } b ? $" (column {b + 1})" : "";
        return (text.Length > 300 ? text[..300] + "..." : text) + column;
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex Position();
}
