using System.Globalization;
using Microsoft.Data.Sqlite;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores;

/// <summary>
/// The embedded vault store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a write that has
/// returned survives a crash or power loss. Every write takes SQLite's write lock up front
/// (<c>BEGIN IMMEDIATE</c>) and waits up to the busy timeout for it, which makes insert-or-get and audit
/// chaining atomic across threads, store instances and processes on one machine.
/// </summary>
/// <remarks>
/// Call <see cref="InitializeAsync"/> once before use. One instance is safe to use from many threads:
/// each operation takes its own pooled connection. Never put the file on a network file system; several
/// machines need <see cref="PostgresVaultStore"/>.
/// </remarks>
public sealed partial class SqliteVaultStore : IVaultStore, IDisposable
{
    /// <summary>Most writes per group commit: bounds how long one transaction holds the write lock.</summary>
    private const int MaxGroup = 256;

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly TimeProvider _time;
    private readonly GroupCommit<PendingWrite> _writes;

    private SqliteVaultStore(string connectionString, TimeSpan busyTimeout, TimeProvider time)
    {
        _connectionString = connectionString;
        _time = time;
        _writes = new GroupCommit<PendingWrite>(Flush, MaxGroup);
        // Per-connection settings: a pooled connection may be new, so they are applied on every open.
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds}; PRAGMA foreign_keys=ON;");
    }

    /// <summary>The schema version <see cref="InitializeAsync"/> brings a file to.</summary>
    public static int SchemaVersion => Sqlite.SqliteSchema.LatestVersion;

    /// <summary>
    /// Opens (creating if needed) the store file at <paramref name="path"/>. No I/O happens until
    /// <see cref="InitializeAsync"/>, which switches the file to WAL and applies the schema.
    /// </summary>
    /// <param name="path">The SQLite file; its folder must exist.</param>
    /// <param name="busyTimeout">How long a write waits for another writer; default 30 seconds.</param>
    /// <param name="time">The clock for schema bookkeeping; default the system clock.</param>
    public static SqliteVaultStore Open(string path, TimeSpan? busyTimeout = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var timeout = busyTimeout ?? TimeSpan.FromSeconds(30);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero, nameof(busyTimeout));
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
        };
        return new SqliteVaultStore(builder.ToString(), timeout, time ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        using (var wal = connection.CreateCommand())
        {
            // WAL is a property of the file: set once, every later connection gets it.
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = wal.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The vault store could not switch to WAL mode (got '{mode}').");
            }
        }

        Sqlite.SqliteSchema.Migrate(connection, _time);
        return Task.CompletedTask;
    }

    /// <summary>Releases the pooled connections, closing the file.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>An open connection with this store's per-connection settings.</summary>
    internal SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = _pragmas;
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that holds the write lock from its start, together with
    /// the other writes queued meanwhile (group commit), each inside its own savepoint so one failing write
    /// (a duplicate key version) fails alone. The task completes after the commit.
    /// </summary>
    private async Task<T> WriteAsync<T>(CancellationToken cancellationToken, Func<SqliteConnection, SqliteTransaction, T> work)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite((c, tx) => work(c, tx), new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
        _writes.Enqueue(pending);
        return (T)(await pending.Done.Task)!;
    }

    private Task Flush(List<PendingWrite> batch)
    {
        var results = new object?[batch.Count];
        var errors = new Exception?[batch.Count];
        try
        {
            using var connection = Connect();
            using var tx = connection.BeginTransaction(deferred: false);
            for (var i = 0; i < batch.Count; i++)
            {
                tx.Save("w");
                try
                {
                    results[i] = batch[i].Work(connection, tx);
                }
                catch (Exception e)
                {
                    tx.Rollback("w");
                    errors[i] = e;
                }

                tx.Release("w");
            }

            tx.Commit();
        }
        catch (Exception e)
        {
            foreach (var p in batch)
            {
                p.Done.TrySetException(e);
            }

            return Task.CompletedTask;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (errors[i] is { } error)
            {
                batch[i].Done.TrySetException(error);
            }
            else
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }

        return Task.CompletedTask;
    }

    private sealed record PendingWrite(Func<SqliteConnection, SqliteTransaction, object?> Work, TaskCompletionSource<object?> Done);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }
}
