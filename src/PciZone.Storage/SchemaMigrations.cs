using System.Data.Common;
using System.Globalization;

namespace PciZone.Storage;

/// <summary>
/// Applies the migrations a database lacks, in version order, each together with its row in the ledger
/// table, inside a transaction the caller has begun and made exclusive (IMMEDIATE on SQLite, an advisory
/// lock on PostgreSQL) and commits. So two processes opening a new database at once cannot both apply
/// one. A database whose ledger is newer than the migrations known here is refused, unchanged.
/// </summary>
public static class SchemaMigrations
{
    /// <summary>Applies the missing migrations inside <paramref name="tx"/>; <paramref name="appliedAt"/> is stored with each.</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer PciZone.</exception>
    public static void Apply(DbTransaction tx, SchemaLedger ledger, IReadOnlyList<SchemaMigration> migrations, long appliedAt) =>
        RunAsync(tx, ledger, migrations, appliedAt, async: false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Apply"/>
    public static Task ApplyAsync(DbTransaction tx, SchemaLedger ledger, IReadOnlyList<SchemaMigration> migrations, long appliedAt,
        CancellationToken cancellationToken) =>
        RunAsync(tx, ledger, migrations, appliedAt, async: true, cancellationToken).AsTask();

    /// <summary>The version a fully migrated database has.</summary>
    public static int Latest(IReadOnlyList<SchemaMigration> migrations) => migrations[^1].Version;

    // One body for both: with async false every call completes synchronously, so Apply never blocks on a task.
    private static async ValueTask RunAsync(DbTransaction tx, SchemaLedger ledger, IReadOnlyList<SchemaMigration> migrations,
        long appliedAt, bool async, CancellationToken cancellationToken)
    {
        var connection = tx.Connection ?? throw new ArgumentException("The transaction has no connection.", nameof(tx));
        await using (var create = Command(connection, tx, $"""
            CREATE TABLE IF NOT EXISTS {ledger.Table} (
                version integer PRIMARY KEY,
                name    text    NOT NULL,
                {ledger.AppliedAtColumn} bigint NOT NULL
            )
            """))
        {
            await ExecuteAsync(create, async, cancellationToken);
        }

        int current;
        await using (var query = Command(connection, tx, $"SELECT COALESCE(MAX(version), 0) FROM {ledger.Table}"))
        {
            var value = async ? await query.ExecuteScalarAsync(cancellationToken) : query.ExecuteScalar();
            current = Convert.ToInt32(value, CultureInfo.InvariantCulture);
        }

        var latest = Latest(migrations);
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The {ledger.StoreName} has schema version {current}; this PciZone knows up to {latest}. Use a newer PciZone.");
        }

        foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            await using (var change = Command(connection, tx, migration.Sql))
            {
                await ExecuteAsync(change, async, cancellationToken);
            }

            await using var record = Command(connection, tx, $"INSERT INTO {ledger.Table}(version, name, {ledger.AppliedAtColumn}) VALUES (@v, @n, @t)");
            Add(record, "@v", migration.Version);
            Add(record, "@n", migration.Name);
            Add(record, "@t", appliedAt);
            await ExecuteAsync(record, async, cancellationToken);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private static async ValueTask ExecuteAsync(DbCommand command, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            command.ExecuteNonQuery();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
