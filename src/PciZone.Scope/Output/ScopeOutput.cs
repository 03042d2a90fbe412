using PciZone.Scope.Result;

namespace PciZone.Scope.Output;

/// <summary>
/// The writers of <c>pcizone scope</c>: each renders a <see cref="ScopeResult"/> to text, sorted so the
/// same result always gives the same bytes. SVG is not here: it needs Graphviz's <c>dot</c> process,
/// which the CLI runs on the output of <see cref="WriteDot"/>. Formats are described in docs/scope.md.
/// </summary>
public static class ScopeOutput
{
    /// <summary>The formats written here, in the order <c>--format</c> lists them.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["table", "json", "csv", "dot"];

    /// <summary>Plain text: systems by scope category, violations with their paths, counts. LF line ends.</summary>
    /// <param name="result">What the scope engine found.</param>
    /// <param name="output">Where the text goes.</param>
    public static void WriteTable(ScopeResult result, TextWriter output) => ScopeTableWriter.Write(result, output);

    /// <summary>JSON evidence, schema docs/schemas/scope-evidence.schema.json (version 1.0).</summary>
    /// <param name="result">What the scope engine found.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <param name="toolVersion">The pcizone version, recorded in the evidence.</param>
    public static void WriteJson(ScopeResult result, TextWriter output, string toolVersion) =>
        ScopeJsonWriter.Write(result, output, toolVersion);

    /// <summary>The flows matrix: RFC 4180 CSV, one row per flow, CRLF line ends, formula-safe cells.</summary>
    /// <param name="result">What the scope engine found.</param>
    /// <param name="output">Where the CSV goes.</param>
    public static void WriteCsv(ScopeResult result, TextWriter output) => ScopeCsvWriter.Write(result, output);

    /// <summary>The network diagram as Graphviz DOT.</summary>
    /// <param name="result">What the scope engine found.</param>
    /// <param name="output">Where the DOT goes.</param>
    /// <param name="options">Drawing options; null for the defaults.</param>
    public static void WriteDot(ScopeResult result, TextWriter output, ScopeDotOptions? options = null) =>
        ScopeDotWriter.Write(result, output, options);
}

/// <summary>Options of the DOT diagram.</summary>
/// <param name="IncludeBlocked">Draw blocked flows too, dashed grey with a bar end (default: leave them out).</param>
/// <param name="MaxTrafficPerEdge">Traffic lines on an edge label before the rest is counted as "+N more".</param>
public sealed record ScopeDotOptions(bool IncludeBlocked = false, int MaxTrafficPerEdge = 4);
