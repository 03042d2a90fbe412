using System.Globalization;
using Npgsql;
using PciZone.Vault.Contracts;
using PciZone.Vault.Stores.Tests.Postgres;

namespace PciZone.Vault.Stores.Tests;

/// <summary>
/// The contract suite on a real PostgreSQL (see <see cref="PostgresServer"/>): each test gets its own schema,
/// selected through the connection string's search path, so tests never see each other's rows.
/// </summary>
public sealed class PostgresVaultStoreTests(PostgresServer server) : VaultStoreContractTests
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("n");
    private string _connectionString = "";

    protected override async Task PrepareDatabaseAsync()
    {
        var admin = server.RequireConnectionString();
        await using (var dataSource = NpgsqlDataSource.Create(admin))
        await using (var create = dataSource.CreateCommand($"CREATE SCHEMA {_schema}"))
        {
            await create.ExecuteNonQueryAsync(Ct);
        }

        _connectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = _schema }.ToString();
    }

    protected override IVaultStore CreateStore() => PostgresVaultStore.Create(_connectionString);

    protected override string IndexCountSql(string name) => $"SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = '{name}'";

    protected override async Task ExecuteAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
    }

    protected override async Task CleanupDatabaseAsync()
    {
        if (server.ConnectionString is { } admin)
        {
            NpgsqlConnection.ClearAllPools();
            await using var dataSource = NpgsqlDataSource.Create(admin);
            await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task InitializeAsync_FourInstancesAtOnceOnEmptySchema_ApplySchemaOnce()
    {
        var admin = server.RequireConnectionString();
        var schema = "t_" + Guid.NewGuid().ToString("n");
        await using (var dataSource = NpgsqlDataSource.Create(admin))
        await using (var create = dataSource.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            await create.ExecuteNonQueryAsync(Ct);
        }

        var cs = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema }.ToString();
        var stores = Enumerable.Range(0, 4).Select(_ => PostgresVaultStore.Create(cs)).ToArray();
        try
        {
            await RaceAsync(4, async i =>
            {
                await stores[i].InitializeAsync(Ct);
                return i;
            });

            await using var dataSource = NpgsqlDataSource.Create(cs);
            await using var count = dataSource.CreateCommand("SELECT COUNT(*) FROM vault_schema");
            Convert.ToInt64(await count.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture).ShouldBe(PostgresVaultStore.SchemaVersion);
        }
        finally
        {
            foreach (var s in stores)
            {
                await s.DisposeAsync();
            }
        }
    }
}
