using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Pipeline;
using PciZone.Monitoring.Store.Schema;

namespace PciZone.Monitoring.Store;

/// <summary>
/// The monitor's durable state and incident trail in one SQLite file (WAL, versioned schema).
/// Implements the exactly-once protocol of <see cref="IMonitorState"/>: an object's alerts, its completion
/// and the detector state are written in one IMMEDIATE transaction; an alert key is stored at most once.
/// </summary>
/// <remarks>
/// Several processes may share one file on one machine: every write takes SQLite's write lock up front
/// (BEGIN IMMEDIATE) and waits up to <see cref="SqliteMonitorStateOptions.BusyTimeout"/> for it, so an
/// alert is stored, and an incident opened, once whichever process sees it first. SQLite files must not be
/// shared over network file systems; consumers on several machines each use their own file (alerts are
/// then unique per file, and the SQS queue, not the store, keeps them from processing the same object).
/// Each operation opens its own connection, so one instance is safe to use from several threads.
/// </remarks>
public sealed partial class SqliteMonitorState : IMonitorState
{
    private readonly string _connectionString;
    private readonly SqliteMonitorStateOptions _options;
    private readonly TimeProvider _time;

    // Sinks this instance has seen registered: their PendingAsync is a plain read, with no write lock.
    private readonly ConcurrentDictionary<string, bool> _registeredSinks = new(StringComparer.Ordinal);

    private SqliteMonitorState(string connectionString, SqliteMonitorStateOptions options, TimeProvider time)
    {
        _connectionString = connectionString;
        _options = options;
        _time = time;
    }

    /// <summary>The file's schema version after opening.</summary>
    public static int SchemaVersion => StoreSchema.LatestVersion;

    /// <summary>
    /// Opens the store at <paramref name="path"/>, creating the file and applying any missing migrations.
    /// </summary>
    /// <param name="path">The SQLite file; its folder must exist.</param>
    /// <param name="options">Behaviour; null for the defaults.</param>
    /// <param name="time">The clock for stored times; null for the system clock.</param>
    public static SqliteMonitorState Open(string path, SqliteMonitorStateOptions? options = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new SqliteMonitorStateOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConsumerId);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // No pooling: a connection per operation keeps no file handle open between calls, and
            // opening a local SQLite file costs far less than processing one log object.
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        var state = new SqliteMonitorState(builder.ToString(), options, time ?? TimeProvider.System);
        using (var connection = state.Connect())
        {
            using var wal = connection.CreateCommand();
            // WAL is a property of the file: set once, every later connection gets it.
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = wal.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The monitor store '{path}' could not switch to WAL mode (got '{mode}').");
            }

            StoreSchema.Migrate(connection, state._time);
        }

        return state;
    }

    /// <inheritdoc />
    public Task<bool> IsDoneAsync(string objectKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT 1 FROM objects WHERE object_key = $k";
        query.Parameters.AddWithValue("$k", objectKey);
        return Task.FromResult(query.ExecuteScalar() is not null);
    }

    /// <inheritdoc />
    public Task<byte[]?> LoadDetectorStateAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Connect();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT state FROM detector_state WHERE consumer = $c";
        query.Parameters.AddWithValue("$c", _options.ConsumerId);
        return Task.FromResult(query.ExecuteScalar() as byte[]);
    }

    /// <inheritdoc />
    /// <remarks>A sink name seen for the first time is registered here: from then on it is owed the alerts
    /// stored after that moment (or all of them with <see cref="SqliteMonitorStateOptions.NewSinksReceiveHistory"/>).
    /// Only that first call takes the write lock; a sink row is never removed, so later calls only read.</remarks>
    public Task<IReadOnlyList<Alert>> PendingAsync(string sink, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sink);
        cancellationToken.ThrowIfCancellationRequested();
        var registered = _registeredSinks.ContainsKey(sink);
        using var connection = Connect();
        using var tx = connection.BeginTransaction(deferred: registered);
        if (!registered)
        {
            using var register = connection.CreateCommand();
            register.Transaction = tx;
            register.CommandText = """
                INSERT OR IGNORE INTO sinks(sink, since_seq, registered_at)
                VALUES ($s, CASE WHEN $history THEN 0 ELSE (SELECT COALESCE(MAX(seq), 0) FROM alerts) END, $t)
                """;
            register.Parameters.AddWithValue("$s", sink);
            register.Parameters.AddWithValue("$history", _options.NewSinksReceiveHistory);
            register.Parameters.AddWithValue("$t", Now());
            register.ExecuteNonQuery();
        }

        using var query = connection.CreateCommand();
        query.Transaction = tx;
        query.CommandText = $"""
            SELECT {AlertRows.Columns} FROM alerts a
            WHERE a.seq > (SELECT since_seq FROM sinks WHERE sink = $s)
              AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.sink = $s AND d.alert_key = a.alert_key)
            ORDER BY a.seq
            """;
        query.Parameters.AddWithValue("$s", sink);
        var pending = AlertRows.ReadAll(query);
        tx.Commit();
        _registeredSinks.TryAdd(sink, true);
        return Task.FromResult<IReadOnlyList<Alert>>(pending);
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(string sink, IReadOnlyList<string> alertKeys, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sink);
        cancellationToken.ThrowIfCancellationRequested();
        if (alertKeys.Count == 0)
        {
            return Task.CompletedTask;
        }

        using var connection = Connect();
        using var tx = connection.BeginTransaction(deferred: false);
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT OR IGNORE INTO deliveries(sink, alert_key, delivered_at) VALUES ($s, $k, $t)";
        var key = insert.Parameters.Add("$k", SqliteType.Text);
        insert.Parameters.AddWithValue("$s", sink);
        insert.Parameters.AddWithValue("$t", Now());
        foreach (var alertKey in alertKeys)
        {
            key.Value = alertKey;
            insert.ExecuteNonQuery();
        }

        tx.Commit();
        return Task.CompletedTask;
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // busy_timeout makes SQLite itself wait for another process's lock; synchronous=FULL makes a
        // committed object survive a power cut, not only a process crash (the exactly-once promise).
        pragmas.CommandText =
            $"PRAGMA busy_timeout={(long)_options.BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;";
        pragmas.ExecuteNonQuery();
        return connection;
    }
}
