using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PciZone.Compliance;

namespace PciZone.Monitoring.Alerts;

/// <summary>
/// Writes one JSON object per alert per line (JSON Lines). Field names are camelCase and stable; every
/// field is always present (null when unknown) so that downstream parsers see one shape:
/// <c>key, ruleId, title, severity, requirements, eventTime, eventId, eventName, eventSource, accountId,
/// region, principal, sourceIp, sourceObject, summary</c>. <c>severity</c> is the rule level
/// (<c>informational|low|medium|high|critical</c>); <c>eventTime</c> is ISO-8601 UTC with milliseconds.
/// </summary>
public sealed class JsonLinesSink : IAlertSink
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream? _stream;
    private readonly TextWriter? _writer;
    private readonly Lock _gate = new();

    /// <summary>Writes UTF-8 lines to <paramref name="stream"/> (left open).</summary>
    public JsonLinesSink(Stream stream, string name = "jsonl")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _stream = stream;
        Name = name;
    }

    /// <summary>Writes lines to <paramref name="writer"/> (left open).</summary>
    public JsonLinesSink(TextWriter writer, string name = "jsonl")
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _writer = writer;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Task PublishAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        cancellationToken.ThrowIfCancellationRequested();
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var alert in alerts)
        {
            using (var json = new Utf8JsonWriter(buffer))
            {
                WriteAlert(json, alert);
            }

            buffer.Write(NewLine);
        }

        // One write per batch: concurrent batches never interleave within a line.
        lock (_gate)
        {
            if (_stream is not null)
            {
                _stream.Write(buffer.WrittenSpan);
                _stream.Flush();
            }
            else
            {
                _writer!.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
                _writer.Flush();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Writes one alert as a JSON object; shared with the webhook so both speak one format.</summary>
    internal static void WriteAlert(Utf8JsonWriter json, Alert alert)
    {
        json.WriteStartObject();
        json.WriteString("key", alert.Key);
        json.WriteString("ruleId", alert.RuleId);
        json.WriteString("title", alert.Title);
        json.WriteString("severity", SeverityText(alert.Severity));
        json.WriteStartArray("requirements");
        foreach (var requirement in alert.Requirements)
        {
            json.WriteStringValue(requirement);
        }

        json.WriteEndArray();
        json.WriteString("eventTime", IsoTime(alert.EventTime));
        json.WriteString("eventId", alert.EventId);
        json.WriteString("eventName", alert.EventName);
        json.WriteString("eventSource", alert.EventSource);
        json.WriteString("accountId", alert.AccountId);
        json.WriteString("region", alert.Region);
        json.WriteString("principal", alert.Principal);
        json.WriteString("sourceIp", alert.SourceIp);
        json.WriteString("sourceObject", alert.SourceObject);
        json.WriteString("summary", alert.Summary);
        json.WriteEndObject();
    }

    /// <summary>The rule-file spelling of a level.</summary>
    internal static string SeverityText(Severity severity) => severity switch
    {
        Severity.Info => "informational",
        Severity.Low => "low",
        Severity.Medium => "medium",
        Severity.High => "high",
        Severity.Critical => "critical",
        _ => severity.ToString().ToLowerInvariant(),
    };

    /// <summary>ISO-8601 in UTC with milliseconds: one fixed width, sortable as text.</summary>
    internal static string IsoTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
