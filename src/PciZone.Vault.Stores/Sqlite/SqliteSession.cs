using Microsoft.Data.Sqlite;

namespace PciZone.Vault.Stores.Sqlite;

/// <summary>
/// One open connection with its per-connection settings applied once and its statements compiled once:
/// SQLite spends more time parsing and planning a short statement than running it, so every command is
/// kept by its SQL text and reused. Not thread-safe: one caller at a time (the writer, or a rented reader).
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private SqliteSession(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>The transaction every command joins; null outside one.</summary>
    public SqliteTransaction? Transaction { get; set; }

    public static SqliteSession Open(string connectionString, string pragmas) => new(OpenConnection(connectionString, pragmas));

    /// <summary>An open connection with <paramref name="pragmas"/> applied.</summary>
    public static SqliteConnection OpenConnection(string connectionString, string pragmas)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var settings = connection.CreateCommand();
            settings.CommandText = pragmas;
            settings.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The compiled command for <paramref name="sql"/>, with no parameters, in the current transaction. Callers never dispose it.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = Transaction;
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        Connection.Dispose();
    }
}
