using System.Text.Json;
using PciZone.Estate;
using PciZone.Reporting;
using PciZone.Scope.Result;

namespace PciZone.Scope.Output;

/// <summary>
/// The evidence file, schema version 1.0 (docs/schemas/scope-evidence.schema.json, docs/scope.md):
/// every system, every flow with its full path and the provenance of each hop, every violation with
/// its requirement ids and the flow that breaks it, the CDE selectors and the notes. Written with an
/// explicit <see cref="Utf8JsonWriter"/> (no reflection), in <see cref="ScopeView"/> order; optional
/// values are written as null rather than left out, so every object always has the same keys.
/// </summary>
internal sealed class ScopeJsonWriter
{
    public const string SchemaVersion = "1.0";

    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText ComponentName = JsonEncodedText.Encode("component");
    private static readonly JsonEncodedText EntryName = JsonEncodedText.Encode("entry");
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText FileName = JsonEncodedText.Encode("file");
    private static readonly JsonEncodedText LineName = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText AddressName = JsonEncodedText.Encode("address");
    private static readonly JsonEncodedText FromName = JsonEncodedText.Encode("from");
    private static readonly JsonEncodedText ToName = JsonEncodedText.Encode("to");
    private static readonly JsonEncodedText PathName = JsonEncodedText.Encode("path");

    private readonly ScopeView _view;
    private readonly JsonTextSink _sink;
    private readonly Utf8JsonWriter _w;

    private ScopeJsonWriter(ScopeView view, JsonTextSink sink)
    {
        _view = view;
        _sink = sink;
        _w = sink.Writer;
    }

    public static void Write(ScopeResult result, TextWriter output, string toolVersion)
    {
        using var sink = new JsonTextSink(output);
        new ScopeJsonWriter(new ScopeView(result), sink).Write(toolVersion);
        sink.Complete();
    }

    private void Write(string toolVersion)
    {
        _w.WriteStartObject();
        _w.WriteString("schemaVersion", SchemaVersion);
        _w.WriteStartObject("tool");
        _w.WriteString("name", "PciZone");
        _w.WriteString("version", toolVersion);
        _w.WriteEndObject();
        Strings("cdeSelectors", _view.Result.CdeSelectors);
        WriteSummary();

        _w.WriteStartArray("systems");
        foreach (var s in _view.Systems)
        {
            WriteSystem(s);
            _sink.MaybeDrain();
        }

        _w.WriteEndArray();
        _w.WriteStartArray("flows");
        foreach (var f in _view.Flows)
        {
            WriteFlow(f);
            _sink.MaybeDrain();
        }

        _w.WriteEndArray();
        _w.WriteStartArray("violations");
        foreach (var v in _view.Violations)
        {
            _w.WriteStartObject();
            _w.WriteString("check", v.Check);
            Strings("requirements", v.Requirements);
            _w.WriteString("message", v.Message);
            _w.WritePropertyName("flow");
            WriteFlow(v.Flow);
            _w.WriteEndObject();
            _sink.MaybeDrain();
        }

        _w.WriteEndArray();
        Strings("notes", _view.Result.Notes);
        _w.WriteEndObject();
    }

    private void WriteSummary()
    {
        _w.WriteStartObject("summary");
        _w.WriteNumber("systems", _view.Systems.Count);
        _w.WriteStartObject("categories");
        foreach (var c in ScopeWording.Categories)
        {
            _w.WriteNumber(ScopeWording.Category(c), _view.Count(c));
        }

        _w.WriteEndObject();
        _w.WriteNumber("flows", _view.Flows.Count);
        _w.WriteStartObject("verdicts");
        foreach (var v in ScopeWording.Verdicts)
        {
            _w.WriteNumber(ScopeWording.Verdict(v), _view.Count(v));
        }

        _w.WriteEndObject();
        _w.WriteNumber("violations", _view.Violations.Count);
        _w.WriteEndObject();
    }

    private void WriteSystem(ScopeSystem s)
    {
        _w.WriteStartObject();
        _w.WriteString(AddressName, s.Address);
        _w.WriteString("type", s.Type);
        _w.WriteString("category", ScopeWording.Category(s.Category));
        _w.WriteString("vpc", s.Vpc);
        Strings("subnets", s.Subnets.Order(StringComparer.Ordinal));
        Strings("securityGroups", s.SecurityGroups.Order(StringComparer.Ordinal));
        _w.WriteString("reason", s.Reason);
        WriteSource(s.Source);
        _w.WriteEndObject();
    }

    private void WriteFlow(Flow f)
    {
        _w.WriteStartObject();
        _w.WriteString(FromName, f.From);
        _w.WriteString("fromCategory", _view.CategoryOf(f.From));
        _w.WriteString(ToName, f.To);
        _w.WriteString("toCategory", _view.CategoryOf(f.To));
        _w.WriteString("traffic", f.Traffic);
        _w.WriteString("verdict", ScopeWording.Verdict(f.Verdict));
        _w.WriteBoolean("declared", f.Declared);
        Strings("violations", _view.ViolationsOf(f).Select(v => v.Check).Distinct(StringComparer.Ordinal));
        _w.WriteStartArray(PathName);
        foreach (var hop in f.Path)
        {
            WriteHop(hop);
        }

        _w.WriteEndArray();
        _w.WritePropertyName("blockedBy");
        if (f.BlockedBy is { } blocked)
        {
            WriteHop(blocked);
        }
        else
        {
            _w.WriteNullValue();
        }

        _w.WriteString("unknownBecause", f.UnknownBecause);
        _w.WriteEndObject();
    }

    private void WriteHop(Hop hop)
    {
        _w.WriteStartObject();
        _w.WriteString(KindName, hop.Kind);
        _w.WriteString(ComponentName, hop.Component);
        _w.WriteString(EntryName, hop.Entry);
        WriteSource(hop.Source);
        _w.WriteEndObject();
    }

    private void WriteSource(Provenance source)
    {
        _w.WriteStartObject(SourceName);
        _w.WriteString(FileName, source.File);
        _w.WriteNumber(LineName, source.Line);
        _w.WriteString(AddressName, source.Address);
        _w.WriteEndObject();
    }

    private void Strings(string name, IEnumerable<string> values)
    {
        _w.WriteStartArray(name);
        foreach (var v in values)
        {
            _w.WriteStringValue(v);
        }

        _w.WriteEndArray();
    }
}
