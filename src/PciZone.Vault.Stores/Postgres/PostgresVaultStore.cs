using Npgsql;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores;

/// <summary>
/// The vault store for several service instances: PostgreSQL through a pooled <see cref="NpgsqlDataSource"/>.
/// Insert-or-get relies on unique constraints (<c>INSERT ... ON CONFLICT DO NOTHING</c>, then a read), so two
/// instances tokenising the same PAN at once get one record; audit appends lock the single chain-head row
/// (<c>SELECT ... FOR UPDATE</c>), so the chain stays gap-free with any number of appenders.
/// </summary>
/// <remarks>
/// Call <see cref="InitializeAsync"/> once before use (it is idempotent and safe from several instances at
/// once). Tables go into the first schema of the search path (<c>Search Path=...</c> in the connection
/// string). A write is durable when it returns as long as the server keeps <c>synchronous_commit</c> on
/// (the default) and <c>fsync</c> on.
/// </remarks>
public sealed partial class PostgresVaultStore : IVaultStore, IDisposable, IAsyncDisposable
{
    private const int TransientRetries = 5;

    /// <summary>Most writes per group commit: bounds how long one transaction holds row locks.</summary>
    private const int MaxGroup = 256;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly GroupCommit<PendingAudit> _audits;
    private readonly GroupCommit<PendingInsert> _inserts;

    private PostgresVaultStore(NpgsqlDataSource dataSource, TimeProvider time)
    {
        _dataSource = dataSource;
        _time = time;
        _audits = new GroupCommit<PendingAudit>(FlushAuditAsync, MaxGroup);
        _inserts = new GroupCommit<PendingInsert>(FlushInsertsAsync, MaxGroup);
    }

    /// <summary>The schema version <see cref="InitializeAsync"/> brings a database to.</summary>
    public static int SchemaVersion => Postgres.PostgresSchema.LatestVersion;

    /// <summary>
    /// Creates a store over the database named by an Npgsql connection string
    /// (e.g. <c>Host=db;Database=vault;Username=vault;Password=...;SSL Mode=VerifyFull</c>).
    /// No connection is opened until the first call.
    /// </summary>
    /// <param name="connectionString">The Npgsql connection string; pool size and timeouts go here too.</param>
    /// <param name="time">The clock for schema bookkeeping; default the system clock.</param>
    public static PostgresVaultStore Create(string connectionString, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new PostgresVaultStore(NpgsqlDataSource.Create(connectionString), time ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        Postgres.PostgresSchema.MigrateAsync(_dataSource, _time, cancellationToken);

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _dataSource.Dispose();

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static NpgsqlParameter<T> P<T>(T value) => new() { TypedValue = value };

    /// <summary>
    /// Runs <paramref name="work"/> in a READ COMMITTED transaction, again from the start when PostgreSQL
    /// aborted it as a deadlock victim or serialisation failure (both leave nothing behind).
    /// </summary>
    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work(connection, tx);
                await tx.CommitAsync(cancellationToken);
                return result;
            }
            catch (PostgresException e) when (attempt < TransientRetries && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                await tx.RollbackAsync(cancellationToken);
            }
        }
    }
}
