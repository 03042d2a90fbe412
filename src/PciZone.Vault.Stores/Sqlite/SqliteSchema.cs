using Microsoft.Data.Sqlite;
using PciZone.Storage;

namespace PciZone.Vault.Stores.Sqlite;

/// <summary>
/// Versioned SQLite schema. Each migration runs once, in order, in one IMMEDIATE transaction together with
/// its row in <c>vault_schema</c>, so two processes opening a new file at once cannot both apply it.
/// Never edit a shipped migration: append a new one.
/// </summary>
internal static class SqliteSchema
{
    private static readonly SchemaLedger Ledger = new("vault_schema", "applied_at_ticks", "vault store");

    private static readonly SchemaMigration[] Migrations =
    [
        new(1, "initial", """
            CREATE TABLE vault_tokens (
                id                 INTEGER PRIMARY KEY,
                token              TEXT    NOT NULL UNIQUE,
                lookup             BLOB    NOT NULL,
                lookup_key_version INTEGER NOT NULL,
                encrypted_pan      BLOB    NOT NULL,
                field_key_version  INTEGER NOT NULL,
                profile            TEXT    NOT NULL,
                last4              TEXT    NOT NULL,
                created_at_ticks   INTEGER NOT NULL,
                created_by         TEXT    NOT NULL,
                UNIQUE (lookup, lookup_key_version)
            );
            CREATE INDEX ix_vault_tokens_key_versions ON vault_tokens(field_key_version, lookup_key_version);

            CREATE TABLE vault_keys (
                purpose                 TEXT    NOT NULL,
                version                 INTEGER NOT NULL,
                wrapped_key             BLOB    NOT NULL,
                kek_provider            TEXT    NOT NULL,
                kek_id                  TEXT    NOT NULL,
                created_at_ticks        INTEGER NOT NULL,
                activated_at_ticks      INTEGER NOT NULL,
                retired_at_ticks        INTEGER,
                crypto_period_ends_ticks INTEGER NOT NULL,
                PRIMARY KEY (purpose, version)
            ) WITHOUT ROWID;

            CREATE TABLE vault_audit (
                sequence      INTEGER PRIMARY KEY,
                at_ticks      INTEGER NOT NULL,
                actor         TEXT    NOT NULL,
                action        TEXT    NOT NULL,
                subject       TEXT    NOT NULL,
                outcome       TEXT    NOT NULL,
                previous_hash BLOB    NOT NULL,
                hash          BLOB    NOT NULL
            );

            -- The chain head: the last sequence and hash, updated with every append. It is the anchor that
            -- lets the next append link to a deleted last entry instead of silently reusing its number.
            CREATE TABLE vault_audit_head (
                id       INTEGER PRIMARY KEY CHECK (id = 1),
                sequence INTEGER NOT NULL,
                hash     BLOB    NOT NULL
            );
            INSERT INTO vault_audit_head(id, sequence, hash) VALUES (1, 0, zeroblob(32));
            """),
        // The re-encryption job walks the token index (FindStaleAsync), so the key-version index served no
        // query and cost every insert a third index entry: about 6% of a SQLite batch.
        new(2, "drop-key-version-index", """
            DROP INDEX IF EXISTS ix_vault_tokens_key_versions;
            """),
    ];

    /// <summary>The version a fully migrated file has.</summary>
    public static int LatestVersion => SchemaMigrations.Latest(Migrations);

    /// <summary>Applies the migrations the file lacks, in one IMMEDIATE transaction; refuses a file written by a newer PciZone.</summary>
    public static void Migrate(SqliteConnection connection, TimeProvider time)
    {
        using var tx = connection.BeginTransaction(deferred: false);
        SchemaMigrations.Apply(tx, Ledger, Migrations, StoreValues.Ticks(time.GetUtcNow()));
        tx.Commit();
    }
}
