using System.Runtime.CompilerServices;
using System.Text.Json;
using PciZone.Compliance;

namespace PciZone.Reporting;

/// <summary>
/// SARIF 2.1.0 for code-scanning services. One result per fail, unknown and suppressed finding;
/// passes are left out because SARIF results are problems. Unknown findings are <c>kind: review</c>
/// with <c>level: none</c>, as SARIF §3.27.10 requires of any kind other than <c>fail</c>.
/// </summary>
internal sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private static readonly JsonEncodedText RuleIdName = JsonEncodedText.Encode("ruleId");
    private static readonly JsonEncodedText RuleIndexName = JsonEncodedText.Encode("ruleIndex");
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText LevelName = JsonEncodedText.Encode("level");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText LocationsName = JsonEncodedText.Encode("locations");
    private static readonly JsonEncodedText PhysicalLocationName = JsonEncodedText.Encode("physicalLocation");
    private static readonly JsonEncodedText ArtifactLocationName = JsonEncodedText.Encode("artifactLocation");
    private static readonly JsonEncodedText UriName = JsonEncodedText.Encode("uri");
    private static readonly JsonEncodedText UriBaseIdName = JsonEncodedText.Encode("uriBaseId");
    private static readonly JsonEncodedText RegionName = JsonEncodedText.Encode("region");
    private static readonly JsonEncodedText StartLineName = JsonEncodedText.Encode("startLine");
    private static readonly JsonEncodedText LogicalLocationsName = JsonEncodedText.Encode("logicalLocations");
    private static readonly JsonEncodedText FullyQualifiedName = JsonEncodedText.Encode("fullyQualifiedName");
    private static readonly JsonEncodedText PropertiesName = JsonEncodedText.Encode("properties");
    private static readonly JsonEncodedText RequirementsName = JsonEncodedText.Encode("requirements");
    private static readonly JsonEncodedText ResourceTypeName = JsonEncodedText.Encode("resourceType");
    private static readonly JsonEncodedText SuppressionsName = JsonEncodedText.Encode("suppressions");
    private static readonly JsonEncodedText JustificationName = JsonEncodedText.Encode("justification");
    private static readonly JsonEncodedText Resource = JsonEncodedText.Encode("resource");
    private static readonly JsonEncodedText Fail = JsonEncodedText.Encode("fail");
    private static readonly JsonEncodedText Review = JsonEncodedText.Encode("review");
    private static readonly JsonEncodedText None = JsonEncodedText.Encode("none");
    private static readonly JsonEncodedText External = JsonEncodedText.Encode("external");
    private static readonly JsonEncodedText InSource = JsonEncodedText.Encode("inSource");
    internal static readonly JsonEncodedText SourceRoot = JsonEncodedText.Encode(ArtifactUris.SourceRootId);

    public string Name => "sarif";

    // Runs once per scan over every finding: without this the tiered JIT keeps it in unoptimised
    // tier-0 code with on-stack replacement for the loops for the first thirty scans of a process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(ScanReport report, TextWriter output)
    {
        var facts = new ReportFacts(report);
        var uris = new ArtifactUris();
        using var sink = new JsonTextSink(output);
        var w = sink.Writer;
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", Wording.ToolName);
        w.WriteString("version", report.ToolVersion);
        w.WriteString("informationUri", Wording.InformationUri);
        SarifRules.Write(w, facts);
        w.WriteEndObject();
        w.WriteEndObject();
        SarifRun.WriteInvocation(w, report, uris);
        SarifRun.WriteBase(w, report);
        w.WriteStartArray("results");
        foreach (var f in report.Findings)
        {
            if (f.Status != FindingStatus.Pass)
            {
                WriteResult(w, f, facts.RuleIndex(f.RuleId), uris);
                sink.MaybeDrain();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        sink.Complete();
    }

    private static void WriteResult(Utf8JsonWriter w, Finding f, int ruleIndex, ArtifactUris uris)
    {
        w.WriteStartObject();
        w.WriteString(RuleIdName, f.RuleId);
        w.WriteNumber(RuleIndexName, ruleIndex);
        if (f.Status == FindingStatus.Unknown)
        {
            w.WriteString(KindName, Review);
            w.WriteString(LevelName, None);
        }
        else
        {
            w.WriteString(KindName, Fail);
            w.WriteString(LevelName, Wording.SarifLevel(f.Severity));
        }

        w.WriteStartObject(MessageName);
        w.WriteString(TextName, f.Message);
        w.WriteEndObject();
        w.WriteStartArray(LocationsName);
        w.WriteStartObject();
        WritePhysical(w, f.File, f.Line, uris);
        w.WriteStartArray(LogicalLocationsName);
        w.WriteStartObject();
        w.WriteString(FullyQualifiedName, f.ResourceAddress);
        w.WriteString(KindName, Resource);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        if (f.Status == FindingStatus.Suppressed)
        {
            w.WriteStartArray(SuppressionsName);
            w.WriteStartObject();
            w.WriteString(KindName, f.SuppressedInSource ? InSource : External);
            w.WriteString(JustificationName, f.SuppressionReason ?? "");
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteStartObject(PropertiesName);
        w.WriteStartArray(RequirementsName);
        // Indexed, not foreach: over an IReadOnlyList a foreach boxes an enumerator per result.
        for (var i = 0; i < f.Requirements.Count; i++)
        {
            w.WriteStringValue(f.Requirements[i]);
        }

        w.WriteEndArray();
        w.WriteString(ResourceTypeName, f.ResourceType);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    internal static void WritePhysical(Utf8JsonWriter w, string file, int line, ArtifactUris uris)
    {
        // A location with no file keeps only its logical part: an empty URI would point at the base.
        if (file.Length == 0)
        {
            return;
        }

        var (uri, relative) = uris.For(file);
        w.WriteStartObject(PhysicalLocationName);
        w.WriteStartObject(ArtifactLocationName);
        w.WriteString(UriName, uri);
        if (relative)
        {
            w.WriteString(UriBaseIdName, SourceRoot);
        }

        w.WriteEndObject();
        if (line > 0)
        {
            w.WriteStartObject(RegionName);
            w.WriteNumber(StartLineName, line);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
