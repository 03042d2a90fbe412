using Microsoft.Data.Sqlite;
using PciZone.Storage;

namespace PciZone.Monitoring.Store.Schema;

/// <summary>
/// Versioned schema. Each migration runs once, in order, inside an IMMEDIATE transaction together with
/// its row in <c>schema_migrations</c>, so two processes opening a new file at once cannot both apply it.
/// Never edit a shipped migration: append a new one.
/// </summary>
internal static class StoreSchema
{
    private static readonly SchemaLedger Ledger = new("schema_migrations", "applied_at", "monitor store");

    private static readonly SchemaMigration[] Migrations =
    [
        new(1, "initial", """
            CREATE TABLE alerts (
                seq           INTEGER PRIMARY KEY AUTOINCREMENT,
                alert_key     TEXT    NOT NULL UNIQUE,
                rule_id       TEXT    NOT NULL,
                title         TEXT    NOT NULL,
                severity      INTEGER NOT NULL,
                requirements  TEXT    NOT NULL,
                event_time    INTEGER NOT NULL,
                event_id      TEXT,
                event_name    TEXT,
                event_source  TEXT,
                account_id    TEXT,
                region        TEXT,
                principal     TEXT,
                source_ip     TEXT,
                source_object TEXT    NOT NULL,
                summary       TEXT    NOT NULL,
                stored_at     INTEGER NOT NULL,
                incident_id   INTEGER NOT NULL REFERENCES incidents(id)
            );
            CREATE INDEX ix_alerts_incident ON alerts(incident_id, seq);

            CREATE TABLE objects (
                object_key   TEXT    PRIMARY KEY,
                kind         TEXT    NOT NULL,
                records      INTEGER NOT NULL,
                duplicates   INTEGER NOT NULL,
                skipped      INTEGER NOT NULL,
                problems     INTEGER NOT NULL,
                completed_at INTEGER NOT NULL
            );

            CREATE TABLE detector_state (
                consumer   TEXT    PRIMARY KEY,
                state      BLOB    NOT NULL,
                updated_at INTEGER NOT NULL
            );

            CREATE TABLE deliveries (
                sink         TEXT    NOT NULL,
                alert_key    TEXT    NOT NULL,
                delivered_at INTEGER NOT NULL,
                PRIMARY KEY (sink, alert_key)
            ) WITHOUT ROWID;

            CREATE TABLE incidents (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                rule_id     TEXT    NOT NULL,
                title       TEXT    NOT NULL,
                severity    INTEGER NOT NULL,
                group_key   TEXT    NOT NULL,
                principal   TEXT,
                account_id  TEXT,
                region      TEXT,
                state       TEXT    NOT NULL,
                opened_at   INTEGER NOT NULL,
                updated_at  INTEGER NOT NULL,
                first_event INTEGER NOT NULL,
                last_event  INTEGER NOT NULL,
                alert_count INTEGER NOT NULL
            );
            CREATE INDEX ix_incidents_group ON incidents(group_key, state);
            CREATE INDEX ix_incidents_opened ON incidents(opened_at);

            CREATE TABLE incident_history (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                incident_id INTEGER NOT NULL REFERENCES incidents(id),
                at          INTEGER NOT NULL,
                actor       TEXT    NOT NULL,
                from_state  TEXT,
                to_state    TEXT    NOT NULL,
                note        TEXT
            );
            CREATE INDEX ix_history_incident ON incident_history(incident_id, id);
            """),
        new(2, "sinks", """
            -- Each sink name's first use: a new sink receives the alerts stored after it (since_seq), not
            -- the whole history. Sinks that already had deliveries keep the whole history, as before.
            CREATE TABLE sinks (
                sink          TEXT    PRIMARY KEY,
                since_seq     INTEGER NOT NULL,
                registered_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO sinks(sink, since_seq, registered_at) SELECT DISTINCT sink, 0, 0 FROM deliveries;
            """),
    ];

    /// <summary>The version a fully migrated file has.</summary>
    public static int LatestVersion => SchemaMigrations.Latest(Migrations);

    /// <summary>Applies the migrations the file lacks, in one IMMEDIATE transaction; refuses a file written by a newer PciZone.</summary>
    public static void Migrate(SqliteConnection connection, TimeProvider time)
    {
        using var tx = connection.BeginTransaction(deferred: false);
        SchemaMigrations.Apply(tx, Ledger, Migrations, time.GetUtcNow().ToUnixTimeMilliseconds());
        tx.Commit();
    }
}
