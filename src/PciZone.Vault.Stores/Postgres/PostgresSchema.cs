using System.Globalization;
using Npgsql;
using PciZone.Storage;

namespace PciZone.Vault.Stores.Postgres;

/// <summary>
/// Versioned PostgreSQL schema, created in the first schema of the connection's search path. Migrations run
/// in one transaction under a transaction-level advisory lock, so several service instances starting at
/// once apply each migration exactly once (CREATE TABLE IF NOT EXISTS alone races on the catalogue).
/// Never edit a shipped migration: append a new one.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Advisory lock key for migrations: "PCZVAULT" in ASCII, unlikely to meet another application's key.</summary>
    private const long MigrationLock = 0x50435A5641554C54;

    private static readonly SchemaLedger Ledger = new("vault_schema", "applied_at_ticks", "vault store");

    private static readonly SchemaMigration[] Migrations =
    [
        new(1, "initial", """
            CREATE TABLE vault_tokens (
                id                 bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                token              text    NOT NULL UNIQUE,
                lookup             bytea   NOT NULL,
                lookup_key_version integer NOT NULL,
                encrypted_pan      bytea   NOT NULL,
                field_key_version  integer NOT NULL,
                profile            text    NOT NULL,
                last4              text    NOT NULL,
                created_at_ticks   bigint  NOT NULL,
                created_by         text    NOT NULL,
                UNIQUE (lookup, lookup_key_version)
            );
            CREATE INDEX ix_vault_tokens_key_versions ON vault_tokens(field_key_version, lookup_key_version);

            CREATE TABLE vault_keys (
                purpose                  text    NOT NULL,
                version                  integer NOT NULL,
                wrapped_key              bytea   NOT NULL,
                kek_provider             text    NOT NULL,
                kek_id                   text    NOT NULL,
                created_at_ticks         bigint  NOT NULL,
                activated_at_ticks       bigint  NOT NULL,
                retired_at_ticks         bigint,
                crypto_period_ends_ticks bigint  NOT NULL,
                PRIMARY KEY (purpose, version)
            );

            CREATE TABLE vault_audit (
                sequence      bigint PRIMARY KEY,
                at_ticks      bigint NOT NULL,
                actor         text   NOT NULL,
                action        text   NOT NULL,
                subject       text   NOT NULL,
                outcome       text   NOT NULL,
                previous_hash bytea  NOT NULL,
                hash          bytea  NOT NULL
            );

            -- The chain head: locked FOR UPDATE by every appender, which serialises appends across
            -- instances, and the anchor that makes a deleted last entry show as a gap on the next append.
            CREATE TABLE vault_audit_head (
                id       integer PRIMARY KEY CHECK (id = 1),
                sequence bigint  NOT NULL,
                hash     bytea   NOT NULL
            );
            INSERT INTO vault_audit_head(id, sequence, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));
            """),
        // The re-encryption job walks the token index (FindStaleAsync), so the key-version index served no
        // query and cost every insert a third index entry: about 6% of a SQLite batch.
        new(2, "drop-key-version-index", """
            DROP INDEX IF EXISTS ix_vault_tokens_key_versions;
            """),
    ];

    /// <summary>The version a fully migrated database has.</summary>
    public static int LatestVersion => SchemaMigrations.Latest(Migrations);

    /// <summary>Applies the migrations the database lacks, under the advisory lock; refuses one written by a newer PciZone.</summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var gate = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({MigrationLock})"), connection, tx))
        {
            await gate.ExecuteNonQueryAsync(cancellationToken);
        }

        await SchemaMigrations.ApplyAsync(tx, Ledger, Migrations, StoreValues.Ticks(time.GetUtcNow()), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }
}
