using Npgsql;
using NpgsqlTypes;
using PciZone.Vault.Stores;

namespace PciZone.Benchmarks.Vault;

/// <summary>
/// Durable transactions of token rows straight into a throw-away PostgreSQL (fsync and synchronous_commit
/// on), by binary COPY, PostgreSQL's fastest way in, with no HTTP, crypto or audit.
/// </summary>
internal sealed class CeilingPostgres : IDisposable
{
    private readonly ServicePostgres _cluster;
    private readonly NpgsqlConnection _connection;
    private readonly CeilingRows _rows = new();

    private CeilingPostgres(ServicePostgres cluster, NpgsqlConnection connection)
    {
        _cluster = cluster;
        _connection = connection;
    }

    public static CeilingPostgres Start(string indexes)
    {
        var cluster = ServicePostgres.StartAsync().GetAwaiter().GetResult();
        if (indexes == CeilingTables.VaultSchema)
        {
            using var store = PostgresVaultStore.Create(cluster.ConnectionString);
            store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        var connection = new NpgsqlConnection(cluster.ConnectionString);
        connection.Open();
        if (indexes != CeilingTables.VaultSchema)
        {
            using var create = new NpgsqlCommand(CeilingTables.Ddl(indexes, "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "bytea", "integer"), connection);
            create.ExecuteNonQuery();
        }

        return new CeilingPostgres(cluster, connection);
    }

    /// <summary>One committed transaction of <paramref name="rows"/> new rows.</summary>
    public void Write(int rows)
    {
        using var tx = _connection.BeginTransaction();
        using (var copy = _connection.BeginBinaryImport($"COPY vault_tokens({CeilingTables.Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < rows; i++)
            {
                _rows.Next();
                copy.StartRow();
                copy.Write(_rows.Token, NpgsqlDbType.Text);
                copy.Write(_rows.Lookup, NpgsqlDbType.Bytea);
                copy.Write(1, NpgsqlDbType.Integer);
                copy.Write(_rows.EncryptedPan, NpgsqlDbType.Bytea);
                copy.Write(1, NpgsqlDbType.Integer);
                copy.Write("random", NpgsqlDbType.Text);
                copy.Write(_rows.Token[^4..], NpgsqlDbType.Text);
                copy.Write(DateTime.UtcNow.Ticks, NpgsqlDbType.Bigint);
                copy.Write("bench", NpgsqlDbType.Text);
            }

            copy.Complete();
        }

        tx.Commit();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
