[assembly: AssemblyFixture(typeof(PciZone.Vault.Stores.Tests.Postgres.PostgresServer))]

namespace PciZone.Vault.Stores.Tests.Postgres;

/// <summary>
/// One throw-away PostgreSQL cluster (<see cref="PgCluster"/>) for the whole test run. Missing binaries
/// skip the PostgreSQL tests locally and fail them when CI=true.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private PgCluster? _cluster;

    /// <summary>Connection string to the cluster's 'postgres' database as superuser; null when unavailable.</summary>
    public string? ConnectionString => _cluster?.ConnectionString;

    /// <summary>Why there is no server (binaries missing); null when it runs.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>Skips the calling test when there is no server, or fails it in CI where PostgreSQL must exist.</summary>
    public string RequireConnectionString()
    {
        if (ConnectionString is { } cs)
        {
            return cs;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"PostgreSQL is required in CI: {Unavailable}");
        }

        Assert.Skip($"PostgreSQL tests skipped: {Unavailable}");
        return "";
    }

    public async ValueTask InitializeAsync()
    {
        if (await PgCluster.LocateAsync(why => Unavailable = why) is { } found)
        {
            _cluster = await PgCluster.StartAsync(found.BinDir, found.RunAs, "pcizone-pg-");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
