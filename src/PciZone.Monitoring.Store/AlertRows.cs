using System.Text.Json;
using Microsoft.Data.Sqlite;
using PciZone.Compliance;
using PciZone.Monitoring.Alerts;

namespace PciZone.Monitoring.Store;

/// <summary>Maps <see cref="Alert"/> to and from the <c>alerts</c> table.</summary>
internal static class AlertRows
{
    /// <summary>Column list in the order <see cref="Read"/> expects.</summary>
    public const string Columns =
        "a.alert_key, a.rule_id, a.title, a.severity, a.requirements, a.event_time, a.event_id, a.event_name, " +
        "a.event_source, a.account_id, a.region, a.principal, a.source_ip, a.source_object, a.summary";

    public static void Insert(SqliteConnection connection, SqliteTransaction tx, Alert alert, long incidentId, long storedAt)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO alerts(alert_key, rule_id, title, severity, requirements, event_time, event_id, event_name,
                               event_source, account_id, region, principal, source_ip, source_object, summary,
                               stored_at, incident_id)
            VALUES ($key, $rule, $title, $sev, $req, $time, $eid, $ename, $esrc, $acct, $region, $principal, $ip,
                    $obj, $summary, $stored, $incident)
            """;
        var p = insert.Parameters;
        p.AddWithValue("$key", alert.Key);
        p.AddWithValue("$rule", alert.RuleId);
        p.AddWithValue("$title", alert.Title);
        p.AddWithValue("$sev", (int)alert.Severity);
        p.AddWithValue("$req", JsonSerializer.Serialize(alert.Requirements, StoreJson.Default.IReadOnlyListString));
        p.AddWithValue("$time", alert.EventTime.ToUnixTimeMilliseconds());
        p.AddWithValue("$eid", (object?)alert.EventId ?? DBNull.Value);
        p.AddWithValue("$ename", (object?)alert.EventName ?? DBNull.Value);
        p.AddWithValue("$esrc", (object?)alert.EventSource ?? DBNull.Value);
        p.AddWithValue("$acct", (object?)alert.AccountId ?? DBNull.Value);
        p.AddWithValue("$region", (object?)alert.Region ?? DBNull.Value);
        p.AddWithValue("$principal", (object?)alert.Principal ?? DBNull.Value);
        p.AddWithValue("$ip", (object?)alert.SourceIp ?? DBNull.Value);
        p.AddWithValue("$obj", alert.SourceObject);
        p.AddWithValue("$summary", alert.Summary);
        p.AddWithValue("$stored", storedAt);
        p.AddWithValue("$incident", incidentId);
        insert.ExecuteNonQuery();
    }

    public static Alert Read(SqliteDataReader r) => new(
        Key: r.GetString(0),
        RuleId: r.GetString(1),
        Title: r.GetString(2),
        Severity: (Severity)r.GetInt32(3),
        Requirements: JsonSerializer.Deserialize(r.GetString(4), StoreJson.Default.IReadOnlyListString) ?? [],
        // Milliseconds are what the store keeps; event times in CloudTrail have whole seconds.
        EventTime: DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
        EventId: NullableString(r, 6),
        EventName: NullableString(r, 7),
        EventSource: NullableString(r, 8),
        AccountId: NullableString(r, 9),
        Region: NullableString(r, 10),
        Principal: NullableString(r, 11),
        SourceIp: NullableString(r, 12),
        SourceObject: r.GetString(13),
        Summary: r.GetString(14));

    public static List<Alert> ReadAll(SqliteCommand query)
    {
        var alerts = new List<Alert>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            alerts.Add(Read(reader));
        }

        return alerts;
    }

    public static string? NullableString(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
