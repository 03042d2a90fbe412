using System.Text;
using Microsoft.Data.Sqlite;
using PciZone.Compliance;
using PciZone.Monitoring.Store.Incidents;

namespace PciZone.Monitoring.Store;

/// <summary>The incident trail: list, show, acknowledge, resolve, counts.</summary>
public sealed partial class SqliteMonitorState
{
    private const string IncidentColumns =
        "id, rule_id, title, severity, state, principal, account_id, region, opened_at, updated_at, first_event, last_event, alert_count";

    /// <summary>Incidents matching <paramref name="query"/>, newest opened first.</summary>
    public Task<IReadOnlyList<Incident>> ListIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        using var select = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {IncidentColumns} FROM incidents WHERE 1 = 1");
        if (query.State is { } state)
        {
            sql.Append(" AND state = $state");
            select.Parameters.AddWithValue("$state", IncidentStates.ToText(state));
        }

        if (query.RuleId is { } rule)
        {
            sql.Append(" AND rule_id = $rule");
            select.Parameters.AddWithValue("$rule", rule);
        }

        if (query.Since is { } since)
        {
            sql.Append(" AND updated_at >= $since");
            select.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        }

        sql.Append(" ORDER BY opened_at DESC, id DESC");
        if (query.Limit is { } limit)
        {
            sql.Append(" LIMIT $limit");
            select.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        }

        select.CommandText = sql.ToString();
        var incidents = new List<Incident>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            incidents.Add(ReadIncident(reader));
        }

        return Task.FromResult<IReadOnlyList<Incident>>(incidents);
    }

    /// <summary>One incident with its alerts and history, or null when there is no such incident.</summary>
    public Task<IncidentDetail?> GetIncidentAsync(long id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        var incident = FindIncident(connection, null, id);
        if (incident is null)
        {
            return Task.FromResult<IncidentDetail?>(null);
        }

        using var alerts = connection.CreateCommand();
        alerts.CommandText = $"SELECT {AlertRows.Columns} FROM alerts a WHERE a.incident_id = $id ORDER BY a.seq";
        alerts.Parameters.AddWithValue("$id", id);
        var alertList = AlertRows.ReadAll(alerts);

        using var history = connection.CreateCommand();
        history.CommandText = "SELECT at, actor, from_state, to_state, note FROM incident_history WHERE incident_id = $id ORDER BY id";
        history.Parameters.AddWithValue("$id", id);
        var entries = new List<IncidentHistoryEntry>();
        using (var reader = history.ExecuteReader())
        {
            while (reader.Read())
            {
                entries.Add(new IncidentHistoryEntry(
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : IncidentStates.Parse(reader.GetString(2)),
                    IncidentStates.Parse(reader.GetString(3)),
                    AlertRows.NullableString(reader, 4)));
            }
        }

        return Task.FromResult<IncidentDetail?>(new IncidentDetail(incident, alertList, entries));
    }

    /// <summary>Moves an open incident to acknowledged.</summary>
    /// <exception cref="KeyNotFoundException">No incident has <paramref name="id"/>.</exception>
    /// <exception cref="IncidentTransitionException">The incident is not open.</exception>
    public Task<Incident> AcknowledgeIncidentAsync(long id, string actor, string? note, CancellationToken cancellationToken) =>
        MoveAsync(id, IncidentState.Acknowledged, actor, note, cancellationToken);

    /// <summary>Moves an open or acknowledged incident to resolved.</summary>
    /// <exception cref="KeyNotFoundException">No incident has <paramref name="id"/>.</exception>
    /// <exception cref="IncidentTransitionException">The incident is already resolved.</exception>
    public Task<Incident> ResolveIncidentAsync(long id, string actor, string? note, CancellationToken cancellationToken) =>
        MoveAsync(id, IncidentState.Resolved, actor, note, cancellationToken);

    /// <summary>How many incidents are in each state.</summary>
    public Task<IncidentCounts> CountIncidentsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT state, COUNT(*) FROM incidents GROUP BY state";
        int open = 0, acknowledged = 0, resolved = 0;
        using var reader = count.ExecuteReader();
        while (reader.Read())
        {
            var n = reader.GetInt32(1);
            switch (IncidentStates.Parse(reader.GetString(0)))
            {
                case IncidentState.Open: open = n; break;
                case IncidentState.Acknowledged: acknowledged = n; break;
                case IncidentState.Resolved: resolved = n; break;
            }
        }

        return Task.FromResult(new IncidentCounts(open, acknowledged, resolved));
    }

    private Task<Incident> MoveAsync(long id, IncidentState to, string actor, string? note, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        // IMMEDIATE: two people resolving at once see each other's change, never both succeed.
        using var tx = connection.BeginTransaction(deferred: false);
        var incident = FindIncident(connection, tx, id) ?? throw new KeyNotFoundException($"Incident {id} does not exist.");
        if (!IncidentStates.CanMove(incident.State, to))
        {
            throw new IncidentTransitionException(id, incident.State, to);
        }

        var now = Now();
        using var update = connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = "UPDATE incidents SET state = $to, updated_at = $now WHERE id = $id";
        update.Parameters.AddWithValue("$to", IncidentStates.ToText(to));
        update.Parameters.AddWithValue("$now", now);
        update.Parameters.AddWithValue("$id", id);
        update.ExecuteNonQuery();
        AddHistory(connection, tx, id, now, actor, incident.State, to, string.IsNullOrWhiteSpace(note) ? null : note);
        tx.Commit();
        return Task.FromResult(incident with { State = to, UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(now) });
    }

    private static Incident? FindIncident(SqliteConnection connection, SqliteTransaction? tx, long id)
    {
        using var select = connection.CreateCommand();
        select.Transaction = tx;
        select.CommandText = $"SELECT {IncidentColumns} FROM incidents WHERE id = $id";
        select.Parameters.AddWithValue("$id", id);
        using var reader = select.ExecuteReader();
        return reader.Read() ? ReadIncident(reader) : null;
    }

    private static Incident ReadIncident(SqliteDataReader r) => new(
        Id: r.GetInt64(0),
        RuleId: r.GetString(1),
        Title: r.GetString(2),
        Severity: (Severity)r.GetInt32(3),
        State: IncidentStates.Parse(r.GetString(4)),
        Principal: AlertRows.NullableString(r, 5),
        AccountId: AlertRows.NullableString(r, 6),
        Region: AlertRows.NullableString(r, 7),
        OpenedAt: DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)),
        UpdatedAt: DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(9)),
        FirstEventTime: DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)),
        LastEventTime: DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(11)),
        AlertCount: r.GetInt32(12));
}
