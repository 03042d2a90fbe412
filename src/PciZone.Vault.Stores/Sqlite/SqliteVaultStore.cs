using System.Globalization;
using Microsoft.Data.Sqlite;
using PciZone.Vault.Contracts;
using PciZone.Vault.Stores.Sqlite;

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

    /// <summary>How often committed log pages are copied into the database file.</summary>
    internal static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Open reader connections kept between reads.</summary>
    private const int MaxIdleReaders = 16;

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly string _writerPragmas;
    private readonly TimeProvider _time;
    private readonly GroupCommit<PendingWrite> _writes;
    private readonly SqliteSessionPool _readers;
    private SqliteWrite? _write;
    private volatile bool _disposed;
    private SqliteCheckpointer? _checkpointer;

    // Held by each group commit and by Dispose, so the writer connection is never closed under a running group.
    private readonly Lock _writerGate = new();

    private SqliteVaultStore(string connectionString, TimeSpan busyTimeout, TimeProvider time)
    {
        _connectionString = connectionString;
        _time = time;
        _writes = new GroupCommit<PendingWrite>(Flush, MaxGroup);
        // Per-connection settings: a pooled connection may be new, so they are applied on every open.
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds}; PRAGMA foreign_keys=ON;");
        // Only the writer gets a large page cache: a reader's cache is emptied whenever another connection
        // commits, and emptying costs time in proportion to its size.
        // The writer never checkpoints inside a commit (SqliteCheckpointer does, beside it), and the log file
        // is cut back to 64 MB whenever it restarts.
        _writerPragmas = _pragmas + " PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=67108864;";
        _readers = new SqliteSessionPool(connectionString, _pragmas, MaxIdleReaders);
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
            wal.CommandText = "PRAGMA page_size=1024; PRAGMA journal_mode=WAL;";
            var mode = wal.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The vault store could not switch to WAL mode (got '{mode}').");
            }
        }

        Sqlite.SqliteSchema.Migrate(connection, _time);
        lock (_writerGate)
        {
            _checkpointer ??= new SqliteCheckpointer(_connectionString, _pragmas, CheckpointInterval, _time);
        }

        return Task.CompletedTask;
    }

    /// <summary>Releases the pooled connections, closing the file.</summary>
    public void Dispose()
    {
        _disposed = true;
        _readers.Dispose();
        SqliteCheckpointer? checkpointer;
        lock (_writerGate)
        {
            _write?.Session.Dispose();
            _write = null;
            (checkpointer, _checkpointer) = (_checkpointer, null);
        }

        checkpointer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>The background checkpointer, once <see cref="InitializeAsync"/> ran (for tests).</summary>
    internal SqliteCheckpointer? Checkpointer => _checkpointer;

    /// <summary>A setting as the writer connection sees it, read inside a group commit (for tests).</summary>
    internal Task<object?> WriterPragmaAsync(string name, CancellationToken cancellationToken) =>
        WriteAsync(cancellationToken, w => w.Command($"PRAGMA {name}").ExecuteScalar());

    /// <summary>An open connection with this store's per-connection settings.</summary>
    internal SqliteConnection Connect() => SqliteSession.OpenConnection(_connectionString, _pragmas);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that holds the write lock from its start, together with
    /// the other writes queued meanwhile (group commit). The task completes after the commit.
    /// </summary>
    private async Task<T> WriteAsync<T>(CancellationToken cancellationToken, Func<SqliteWrite, T> work)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite(w => work(w), new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
        _writes.Enqueue(pending);
        return (T)(await pending.Done.Task)!;
    }

    // Group commits run one at a time (GroupCommit), so the writer session needs no lock of its own.
    private Task Flush(List<PendingWrite> batch)
    {
        lock (_writerGate)
        {
            FlushLocked(batch);
        }

        return Task.CompletedTask;
    }

    private void FlushLocked(List<PendingWrite> batch)
    {
        var results = new object?[batch.Count];
        var errors = new Exception?[batch.Count];
        try
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(SqliteVaultStore));
            }

            _write ??= new SqliteWrite(SqliteSession.Open(_connectionString, _writerPragmas));

            // Writes almost never fail (inserts are insert-or-get), so the group first runs without a savepoint
            // per write; if one throws, the group rolls back and runs again with savepoints so it fails alone.
            if (!RunGroup(batch, careful: false, results, errors))
            {
                Array.Clear(results);
                RunGroup(batch, careful: true, results, errors);
            }
        }
        catch (Exception e)
        {
            // The connection may be unusable (I/O error, busy timeout): the next group opens a fresh one.
            _write?.Session.Dispose();
            _write = null;
            foreach (var p in batch)
            {
                p.Done.TrySetException(e);
            }

            return;
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

    }

    /// <summary>One attempt at a group; false when a write threw outside careful mode (the transaction is rolled back).</summary>
    private bool RunGroup(List<PendingWrite> batch, bool careful, object?[] results, Exception?[] errors)
    {
        var write = _write!;
        var session = write.Session;
        using var tx = session.Connection.BeginTransaction(deferred: false);
        session.Transaction = tx;
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var mark = write.AuditMark;
                if (careful)
                {
                    tx.Save("w");
                }

                try
                {
                    results[i] = batch[i].Work(write);
                }
                catch (Exception e) when (careful)
                {
                    tx.Rollback("w");
                    write.TruncateAudit(mark);
                    errors[i] = e;
                }
                catch (Exception)
                {
                    tx.Rollback();
                    return false;
                }

                if (careful)
                {
                    tx.Release("w");
                }
            }

            AppendAudit(write, write.PendingAudit);
            tx.Commit();
            return true;
        }
        finally
        {
            session.Transaction = null;
            write.Reset();
        }
    }

    private sealed record PendingWrite(Func<SqliteWrite, object?> Work, TaskCompletionSource<object?> Done);
}
