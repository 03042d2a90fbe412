using Microsoft.Data.Sqlite;
using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Pipeline;
using PciZone.Monitoring.Store.Incidents;

namespace PciZone.Monitoring.Store;

/// <summary>The writes of the exactly-once protocol: alerts, incidents, objects and detector state together.</summary>
public sealed partial class SqliteMonitorState
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Alert>> CommitObjectAsync(
        string objectKey, ObjectResult result, IReadOnlyList<Alert> alerts, byte[] detectorState,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectKey);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        using var tx = connection.BeginTransaction(deferred: false);
        var now = Now();
        var fresh = StoreAlerts(connection, tx, alerts, now);

        using var done = connection.CreateCommand();
        done.Transaction = tx;
        // REPLACE: a second consumer that processed the same object (a redelivered SQS message) keeps
        // the row; its alerts were ignored above as already stored.
        done.CommandText = """
            INSERT OR REPLACE INTO objects(object_key, kind, records, duplicates, skipped, problems, completed_at)
            VALUES ($k, $kind, $r, $d, $s, $p, $t)
            """;
        done.Parameters.AddWithValue("$k", objectKey);
        done.Parameters.AddWithValue("$kind", result.Kind.ToString());
        done.Parameters.AddWithValue("$r", result.Records);
        done.Parameters.AddWithValue("$d", result.Duplicates);
        done.Parameters.AddWithValue("$s", result.Skipped);
        done.Parameters.AddWithValue("$p", result.Problems.Count);
        done.Parameters.AddWithValue("$t", now);
        done.ExecuteNonQuery();

        SaveDetectorState(connection, tx, detectorState, now);
        tx.Commit();
        return Task.FromResult<IReadOnlyList<Alert>>(fresh);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Alert>> CommitAlertsAsync(IReadOnlyList<Alert> alerts, byte[] detectorState, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        using var tx = connection.BeginTransaction(deferred: false);
        var now = Now();
        var fresh = StoreAlerts(connection, tx, alerts, now);
        SaveDetectorState(connection, tx, detectorState, now);
        tx.Commit();
        return Task.FromResult<IReadOnlyList<Alert>>(fresh);
    }

    private List<Alert> StoreAlerts(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<Alert> alerts, long now)
    {
        var fresh = new List<Alert>();
        using var exists = connection.CreateCommand();
        exists.Transaction = tx;
        exists.CommandText = "SELECT 1 FROM alerts WHERE alert_key = $k";
        var key = exists.Parameters.Add("$k", SqliteType.Text);
        foreach (var alert in alerts)
        {
            key.Value = alert.Key;
            // Checked, not INSERT OR IGNORE: a known key must not touch its incident either.
            if (exists.ExecuteScalar() is not null)
            {
                continue;
            }

            var incident = JoinOrOpenIncident(connection, tx, alert, now);
            AlertRows.Insert(connection, tx, alert, incident, now);
            fresh.Add(alert);
        }

        return fresh;
    }

    private long JoinOrOpenIncident(SqliteConnection connection, SqliteTransaction tx, Alert alert, long now)
    {
        var groupKey = GroupKey(alert);
        var eventTime = alert.EventTime.ToUnixTimeMilliseconds();
        var window = (long)_options.IncidentGroupingWindow.TotalMilliseconds;
        if (window > 0)
        {
            using var find = connection.CreateCommand();
            find.Transaction = tx;
            find.CommandText = """
                SELECT id FROM incidents
                WHERE group_key = $g AND state <> 'resolved' AND last_event >= $t - $w AND first_event <= $t + $w
                ORDER BY id DESC LIMIT 1
                """;
            find.Parameters.AddWithValue("$g", groupKey);
            find.Parameters.AddWithValue("$t", eventTime);
            find.Parameters.AddWithValue("$w", window);
            if (find.ExecuteScalar() is long id)
            {
                using var join = connection.CreateCommand();
                join.Transaction = tx;
                join.CommandText = """
                    UPDATE incidents SET alert_count = alert_count + 1, updated_at = $now,
                        first_event = MIN(first_event, $t), last_event = MAX(last_event, $t)
                    WHERE id = $id
                    """;
                join.Parameters.AddWithValue("$now", now);
                join.Parameters.AddWithValue("$t", eventTime);
                join.Parameters.AddWithValue("$id", id);
                join.ExecuteNonQuery();
                return id;
            }
        }

        using var open = connection.CreateCommand();
        open.Transaction = tx;
        open.CommandText = """
            INSERT INTO incidents(rule_id, title, severity, group_key, principal, account_id, region, state,
                                  opened_at, updated_at, first_event, last_event, alert_count)
            VALUES ($rule, $title, $sev, $g, $principal, $acct, $region, 'open', $now, $now, $t, $t, 1)
            RETURNING id
            """;
        open.Parameters.AddWithValue("$rule", alert.RuleId);
        open.Parameters.AddWithValue("$title", alert.Title);
        open.Parameters.AddWithValue("$sev", (int)alert.Severity);
        open.Parameters.AddWithValue("$g", groupKey);
        open.Parameters.AddWithValue("$principal", (object?)alert.Principal ?? DBNull.Value);
        open.Parameters.AddWithValue("$acct", (object?)alert.AccountId ?? DBNull.Value);
        open.Parameters.AddWithValue("$region", (object?)alert.Region ?? DBNull.Value);
        open.Parameters.AddWithValue("$now", now);
        open.Parameters.AddWithValue("$t", eventTime);
        var incidentId = (long)open.ExecuteScalar()!;
        AddHistory(connection, tx, incidentId, now, _options.MonitorActor, null, IncidentState.Open, $"opened by alert {alert.Key}");
        return incidentId;
    }

    /// <summary>Rule plus principal; alerts without a principal (silence) group by account and region.</summary>
    private static string GroupKey(Alert alert) =>
        alert.Principal is { Length: > 0 } principal
            ? $"{alert.RuleId}|principal|{principal}"
            : $"{alert.RuleId}|place|{alert.AccountId}|{alert.Region}";

    private void SaveDetectorState(SqliteConnection connection, SqliteTransaction tx, byte[] detectorState, long now)
    {
        using var save = connection.CreateCommand();
        save.Transaction = tx;
        save.CommandText = """
            INSERT INTO detector_state(consumer, state, updated_at) VALUES ($c, $s, $t)
            ON CONFLICT(consumer) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
            """;
        save.Parameters.AddWithValue("$c", _options.ConsumerId);
        save.Parameters.AddWithValue("$s", detectorState);
        save.Parameters.AddWithValue("$t", now);
        save.ExecuteNonQuery();
    }

    private static void AddHistory(
        SqliteConnection connection, SqliteTransaction tx, long incidentId, long at, string actor,
        IncidentState? from, IncidentState to, string? note)
    {
        using var history = connection.CreateCommand();
        history.Transaction = tx;
        history.CommandText = """
            INSERT INTO incident_history(incident_id, at, actor, from_state, to_state, note)
            VALUES ($id, $at, $actor, $from, $to, $note)
            """;
        history.Parameters.AddWithValue("$id", incidentId);
        history.Parameters.AddWithValue("$at", at);
        history.Parameters.AddWithValue("$actor", actor);
        history.Parameters.AddWithValue("$from", from is { } f ? IncidentStates.ToText(f) : DBNull.Value);
        history.Parameters.AddWithValue("$to", IncidentStates.ToText(to));
        history.Parameters.AddWithValue("$note", (object?)note ?? DBNull.Value);
        history.ExecuteNonQuery();
    }
}
