namespace PciZone.Vault.Stores.Sqlite;

/// <summary>
/// Moves committed pages from the write-ahead log into the database file on its own connection and thread,
/// so the writer never does it inside a commit. SQLite's automatic checkpoint (off on the writer) would copy
/// every page a commit dirtied back into the file and sync it again, on the writer's time, after nearly every
/// large commit; here a page dirtied by many commits is copied once per pass, beside the writer (a PASSIVE
/// checkpoint never blocks it). Durability does not depend on this: a commit is durable once its log frames
/// are synced.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private readonly SqliteSession _session;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SqliteCheckpointer(string connectionString, string pragmas, TimeSpan interval, TimeProvider time)
    {
        _session = SqliteSession.Open(connectionString, pragmas);
        _interval = interval;
        _time = time;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Frames in the log and frames copied by the last pass (for tests and diagnostics).</summary>
    public (long Log, long Checkpointed) Last { get; private set; }

    /// <summary>Passes that failed (busy or I/O); the next pass retries. Exposed for tests.</summary>
    public int Failures { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        try
        {
            // Leave the file whole and the log empty when the store closes cleanly, but never wait for it:
            // while another process (a running service) writes or reads, closing must not stall.
            _session.Command("PRAGMA busy_timeout=0").ExecuteNonQuery();
            Checkpoint("TRUNCATE");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // Another connection still reads: its process, or the next open, checkpoints instead.
        }

        _session.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_interval, _time, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                Checkpoint("PASSIVE");
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                Failures++;
            }
        }
    }

    private void Checkpoint(string mode)
    {
        using var reader = _session.Command($"PRAGMA wal_checkpoint({mode})").ExecuteReader();
        if (reader.Read())
        {
            Last = (reader.GetInt64(1), reader.GetInt64(2));
        }
    }
}
