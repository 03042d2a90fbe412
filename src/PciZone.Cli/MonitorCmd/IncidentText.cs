using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PciZone.Compliance;
using PciZone.Monitoring.Store.Incidents;

namespace PciZone.Cli.MonitorCmd;

/// <summary>Incidents as plain text and as JSON (camelCase, states and severities as lower-case words).</summary>
internal static class IncidentText
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string State(IncidentState state) => IncidentStates.ToText(state);

    public static void WriteTable(TextWriter o, IReadOnlyList<Incident> incidents)
    {
        if (incidents.Count == 0)
        {
            o.WriteLine("no incidents");
            return;
        }

        o.WriteLine($"{"ID",6}  {"STATE",-12}  {"SEVERITY",-8}  {"RULE",-11}  {"ALERTS",6}  {"LAST EVENT (UTC)",-20}  {"PRINCIPAL / ACCOUNT",-40}  TITLE");
        foreach (var i in incidents)
        {
            o.WriteLine($"{i.Id,6}  {State(i.State),-12}  {Wire.Name(i.Severity),-8}  {i.RuleId,-11}  {i.AlertCount,6}  {Time(i.LastEventTime),-20}  "
                        + $"{Cut(i.Principal ?? i.AccountId ?? "-", 40),-40}  {i.Title}");
        }
    }

    public static void WriteDetail(TextWriter o, IncidentDetail d)
    {
        var i = d.Incident;
        o.WriteLine($"Incident {i.Id}: {i.Title}");
        o.WriteLine($"  rule {i.RuleId}, severity {Wire.Name(i.Severity)}, state {State(i.State)}");
        o.WriteLine($"  principal {i.Principal ?? "-"}, account {i.AccountId ?? "-"}, region {i.Region ?? "-"}");
        o.WriteLine($"  events {Time(i.FirstEventTime)} .. {Time(i.LastEventTime)}; opened {Time(i.OpenedAt)}, updated {Time(i.UpdatedAt)}");
        o.WriteLine();
        o.WriteLine($"Alerts ({d.Alerts.Count}):");
        foreach (var a in d.Alerts)
        {
            o.WriteLine($"  {Time(a.EventTime)}  {a.EventName ?? "-"}  [{string.Join(", ", a.Requirements)}]  {a.Summary}");
            o.WriteLine($"      event {a.EventId ?? "-"} in {a.SourceObject}");
        }

        o.WriteLine();
        o.WriteLine("History:");
        foreach (var h in d.History)
        {
            var move = h.From is { } from ? $"{State(from)} -> {State(h.To)}" : $"opened ({State(h.To)})";
            o.WriteLine($"  {Time(h.At)}  {h.Actor}: {move}{(h.Note is { Length: > 0 } n ? " - " + n : "")}");
        }
    }

    public static void WriteJson<T>(TextWriter o, T value)
    {
        o.WriteLine(JsonSerializer.Serialize(value, Json));
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static string Cut(string s, int max) => s.Length <= max ? s : "…" + s[^(max - 1)..];
}
