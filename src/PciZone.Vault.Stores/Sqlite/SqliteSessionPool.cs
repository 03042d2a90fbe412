using System.Collections.Concurrent;

namespace PciZone.Vault.Stores.Sqlite;

/// <summary>
/// Idle reader sessions: a read rents one, runs its compiled statement and gives it back, so reads neither
/// reopen connections nor re-apply settings nor re-parse SQL. WAL lets them run beside the writer.
/// </summary>
internal sealed class SqliteSessionPool(string connectionString, string pragmas, int maxIdle) : IDisposable
{
    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private int _disposed;

    public T Read<T>(Func<SqliteSession, T> read)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var session = _idle.TryTake(out var s) ? s : SqliteSession.Open(connectionString, pragmas);
        T result;
        try
        {
            result = read(session);
        }
        catch
        {
            // A failed read may leave a statement or the connection in a state nobody should inherit.
            session.Dispose();
            throw;
        }

        if (Volatile.Read(ref _disposed) != 0 || _idle.Count >= maxIdle)
        {
            session.Dispose();
        }
        else
        {
            _idle.Add(session);
        }

        return result;
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _disposed, 1);
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }
}
