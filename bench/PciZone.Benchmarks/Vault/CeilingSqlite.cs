using Microsoft.Data.Sqlite;
using PciZone.Vault.Stores;
using PciZone.Vault.Stores.Sqlite;

namespace PciZone.Benchmarks.Vault;

/// <summary>
/// Durable transactions of token rows straight into a SQLite file, with no HTTP, crypto or audit: the
/// vault store's own settings (1 KB pages, WAL, synchronous=FULL, no checkpoint inside a commit) and the
/// store's own <see cref="SqliteCheckpointer"/> beside the writer.
/// </summary>
internal sealed class CeilingSqlite : IDisposable
{
    private readonly SqliteConnection _writer;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _token;
    private readonly SqliteParameter _lookup;
    private readonly SqliteParameter _pan;
    private readonly SqliteParameter _last4;
    private readonly SqliteParameter _ticks;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly CeilingRows _rows = new();

    public CeilingSqlite(string dir, string indexes)
    {
        var path = Path.Combine(dir, "ceiling.db");
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        if (indexes == CeilingTables.VaultSchema)
        {
            using var store = SqliteVaultStore.Open(path);
            store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        else
        {
            using var create = new SqliteConnection(cs);
            create.Open();
            Execute(create, "PRAGMA page_size=1024; PRAGMA journal_mode=WAL;");
            Execute(create, CeilingTables.Ddl(indexes, "id INTEGER PRIMARY KEY", "BLOB", "INTEGER"));
        }

        _writer = new SqliteConnection(cs);
        _writer.Open();
        Execute(_writer, "PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=0;");
        _insert = _writer.CreateCommand();
        _insert.CommandText = $"INSERT INTO vault_tokens({CeilingTables.Columns}) VALUES ($t, $l, 1, $p, 1, 'random', $f, $c, 'bench')";
        _token = _insert.Parameters.Add("$t", SqliteType.Text);
        _lookup = _insert.Parameters.Add("$l", SqliteType.Blob);
        _pan = _insert.Parameters.Add("$p", SqliteType.Blob);
        _last4 = _insert.Parameters.Add("$f", SqliteType.Text);
        _ticks = _insert.Parameters.Add("$c", SqliteType.Integer);
        _checkpointer = new SqliteCheckpointer(cs, "PRAGMA busy_timeout=5000;", SqliteVaultStore.CheckpointInterval, TimeProvider.System);
    }

    /// <summary>One committed transaction of <paramref name="rows"/> new rows.</summary>
    public void Write(int rows)
    {
        using var tx = _writer.BeginTransaction();
        _insert.Transaction = tx;
        for (var i = 0; i < rows; i++)
        {
            _rows.Next();
            _token.Value = _rows.Token;
            _lookup.Value = _rows.Lookup;
            _pan.Value = _rows.EncryptedPan;
            _last4.Value = _rows.Token[^4..];
            _ticks.Value = DateTime.UtcNow.Ticks;
            _insert.ExecuteNonQuery();
        }

        tx.Commit();
    }

    public void Dispose()
    {
        _checkpointer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _insert.Dispose();
        _writer.Dispose();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
