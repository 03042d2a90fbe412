using PciZone.Scope.Output;
using PciZone.Scope.Result;

namespace PciZone.Scope.Tests.Output;

/// <summary>Runs a scope writer by format name into a string.</summary>
internal static class Render
{
    public const string ToolVersion = "0.1.0";

    public static string As(string format, ScopeResult result, ScopeDotOptions? dot = null)
    {
        using var text = new StringWriter();
        switch (format)
        {
            case "table":
                ScopeOutput.WriteTable(result, text);
                break;
            case "json":
                ScopeOutput.WriteJson(result, text, ToolVersion);
                break;
            case "csv":
                ScopeOutput.WriteCsv(result, text);
                break;
            case "dot":
                ScopeOutput.WriteDot(result, text, dot);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }

        return text.ToString();
    }
}
