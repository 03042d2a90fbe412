using System.Text.Json;
using PciZone.Compliance;

namespace PciZone.Reporting;

/// <summary>
/// Our own JSON format, schema version 1.0 (docs/formats/json-report.md and
/// docs/formats/pcizone-report-1.0.schema.json). Property order is fixed by this code; findings keep
/// the report's order.
/// </summary>
internal sealed class JsonReportWriter : IReportWriter
{
    public const string SchemaVersion = "1.0";

    private static readonly JsonEncodedText RuleIdName = JsonEncodedText.Encode("ruleId");
    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText SeverityName = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText RequirementsName = JsonEncodedText.Encode("requirements");
    private static readonly JsonEncodedText ResourceName = JsonEncodedText.Encode("resource");
    private static readonly JsonEncodedText AddressName = JsonEncodedText.Encode("address");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText LocationName = JsonEncodedText.Encode("location");
    private static readonly JsonEncodedText FileName = JsonEncodedText.Encode("file");
    private static readonly JsonEncodedText LineName = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText SuppressionReasonName = JsonEncodedText.Encode("suppressionReason");

    public string Name => "json";

    public void Write(ScanReport report, TextWriter output)
    {
        var facts = new ReportFacts(report);
        using var sink = new JsonTextSink(output);
        var w = sink.Writer;
        w.WriteStartObject();
        w.WriteString("schemaVersion", SchemaVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", Wording.ToolName);
        w.WriteString("version", report.ToolVersion);
        w.WriteEndObject();
        w.WriteString("framework", Wording.FrameworkTag);
        WriteSummary(w, report, facts);
        WriteRequirements(w, facts);
        WriteInputs(w, report);
        WriteRules(w, facts);
        w.WriteStartArray("findings");
        foreach (var f in report.Findings)
        {
            WriteFinding(w, f);
            sink.MaybeDrain();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        sink.Complete();
    }

    private static void WriteSummary(Utf8JsonWriter w, ScanReport report, ReportFacts facts)
    {
        var t = facts.Totals;
        w.WriteStartObject("summary");
        w.WriteNumber("findings", t.Total);
        w.WriteNumber("fail", t.Fail);
        w.WriteNumber("pass", t.Pass);
        w.WriteNumber("unknown", t.Unknown);
        w.WriteNumber("suppressed", t.Suppressed);
        w.WriteStartObject("failuresBySeverity");
        foreach (var s in new[] { Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info })
        {
            w.WriteNumber(Wording.Severity(s), facts.FailuresBySeverity[(int)s]);
        }

        w.WriteEndObject();
        w.WriteNumber("rules", facts.Rules.Count);
        w.WriteNumber("resources", facts.Resources);
        w.WriteNumber("inputs", report.Inputs.Count);
        w.WriteNumber("skipped", report.Skipped.Count);
        w.WriteNumber("errors", report.Errors.Count);
        w.WriteEndObject();
    }

    private static void WriteRequirements(Utf8JsonWriter w, ReportFacts facts)
    {
        w.WriteStartArray("requirements");
        foreach (var r in facts.Requirements)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            if (r.Requirement is { } known)
            {
                w.WriteString("summary", known.Summary);
            }

            w.WriteNumber("fail", r.Counts.Fail);
            w.WriteNumber("pass", r.Counts.Pass);
            w.WriteNumber("unknown", r.Counts.Unknown);
            w.WriteNumber("suppressed", r.Counts.Suppressed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteInputs(Utf8JsonWriter w, ScanReport report)
    {
        w.WriteStartArray("inputs");
        foreach (var i in report.Inputs)
        {
            w.WriteStartObject();
            w.WriteString("path", i.Path);
            w.WriteString("format", i.Format);
            w.WriteNumber("resources", i.Resources);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("skipped");
        foreach (var s in report.Skipped)
        {
            w.WriteStartObject();
            w.WriteString("path", s.Path);
            w.WriteString("reason", s.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("errors");
        foreach (var e in report.Errors)
        {
            w.WriteStartObject();
            w.WriteString("file", e.File);
            w.WriteNumber("line", e.Line);
            w.WriteString("message", e.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteRules(Utf8JsonWriter w, ReportFacts facts)
    {
        w.WriteStartArray("rules");
        foreach (var r in facts.Rules)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("slug", r.Slug);
            w.WriteString("title", r.Title);
            w.WriteString("severity", Wording.Severity(r.Severity));
            w.WriteString("status", r.Status == RuleStatus.Stable ? "stable" : "experimental");
            w.WriteString("service", r.Service);
            WriteStrings(w, RequirementsName, facts.RequirementsOf(r.Id));
            w.WriteString("helpUri", r.HelpUri);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding f)
    {
        w.WriteStartObject();
        w.WriteString(RuleIdName, f.RuleId);
        w.WriteString(TitleName, f.Rule.Title);
        w.WriteString(StatusName, Wording.Status(f.Status));
        w.WriteString(SeverityName, Wording.Severity(f.Severity));
        WriteStrings(w, RequirementsName, f.Requirements);
        w.WriteStartObject(ResourceName);
        w.WriteString(AddressName, f.ResourceAddress);
        w.WriteString(TypeName, f.ResourceType);
        w.WriteEndObject();
        w.WriteStartObject(LocationName);
        w.WriteString(FileName, f.File);
        w.WriteNumber(LineName, f.Line);
        w.WriteEndObject();
        w.WriteString(MessageName, f.Message);
        if (f.Status == FindingStatus.Suppressed)
        {
            w.WriteString(SuppressionReasonName, f.SuppressionReason ?? "");
        }

        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
