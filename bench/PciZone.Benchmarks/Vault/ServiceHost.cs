using System.Net;
using Microsoft.AspNetCore.Builder;
using PciZone.Vault.Contracts;
using PciZone.Vault.Keys;
using PciZone.Vault.Server.Auth;
using PciZone.Vault.Server.Hosting;
using PciZone.Vault.Service;
using PciZone.Vault.Stores;

namespace PciZone.Benchmarks.Vault;

/// <summary>
/// The real vault service on 127.0.0.1 with a free port, assembled as the server tests do (store, local key
/// file, key ring, token vault, <see cref="VaultApp.Build"/>), over SQLite in a temporary folder or a
/// throw-away PostgreSQL. One admin API client whose rate limit is far above anything loopback can reach,
/// so the limiter is measured but never rejects.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    /// <summary>A benchmark-only API key; the service keeps only its hash.</summary>
    public const string ApiKey = "bench-admin-key-0123456789abcdefghijklmnop";

    private readonly WebApplication _app;
    private readonly IDisposable[] _owned;
    private readonly ServicePostgres? _postgres;
    private readonly string _dir;

    private ServiceHost(WebApplication app, IDisposable[] owned, ServicePostgres? postgres, string dir, string description)
    {
        _app = app;
        _owned = owned;
        _postgres = postgres;
        _dir = dir;
        Description = description;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }

    public string Description { get; }

    /// <summary>CPU time of the PostgreSQL processes, or zero for SQLite (which runs inside this process).</summary>
    public TimeSpan StoreServerCpu() => _postgres?.ServerCpu() ?? TimeSpan.Zero;

    public static async Task<ServiceHost> StartAsync(string storeName)
    {
        var dir = Directory.CreateTempSubdirectory("pcizone-bench-vault-").FullName;
        ServicePostgres? postgres = null;
        try
        {
            return await StartAsync(storeName, dir, p => postgres = p).ConfigureAwait(false);
        }
        catch
        {
            // A failed start must not leave a PostgreSQL cluster running or a folder behind.
            if (postgres is not null)
            {
                await postgres.DisposeAsync().ConfigureAwait(false);
            }

            Directory.Delete(dir, recursive: true);
            throw;
        }
    }

    private static async Task<ServiceHost> StartAsync(string storeName, string dir, Action<ServicePostgres> started)
    {
        ServicePostgres? postgres = null;
        IVaultStore store;
        IDisposable storeHandle;
        string description;
        switch (storeName)
        {
            case "sqlite":
                var sqlite = SqliteVaultStore.Open(Path.Combine(dir, "vault.db"));
                (store, storeHandle) = (sqlite, sqlite);
                description = $"SQLite (WAL, synchronous=FULL) in {Path.GetTempPath()}";
                break;
            case "postgres":
                postgres = await ServicePostgres.StartAsync().ConfigureAwait(false);
                started(postgres);
                var pg = PostgresVaultStore.Create(postgres.ConnectionString);
                (store, storeHandle) = (pg, pg);
                description = "PostgreSQL (throw-away cluster on 127.0.0.1, fsync and synchronous_commit on, Npgsql pool 100)";
                break;
            default:
                throw new ArgumentException($"unknown store '{storeName}' (sqlite or postgres)", nameof(storeName));
        }

        await store.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
        var kek = LocalKeyFile.Create(Path.Combine(dir, "kek.json"), "benchmark passphrase for the vault");
        var keys = await KeyRing.OpenAsync(store, kek, new KeyRingOptions(TimeSpan.FromDays(365)), TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
        var vault = new TokenVault(store, keys, TimeProvider.System);
        var options = new VaultServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            ApiClients = [new ApiClient("bench", ApiKeys.HashOf(ApiKey), [VaultRoles.Admin])],
            RatePerSecond = 100_000_000,
            RateBurst = 100_000_000,
        };
        var app = VaultApp.Build(options, vault, store);
        await app.StartAsync().ConfigureAwait(false);
        return new ServiceHost(app, [vault, keys, kek, storeHandle], postgres, dir, description);
    }

    /// <summary>A client that keeps up to <paramref name="connections"/> HTTP/1.1 connections open to the service.</summary>
    /// <summary>A lean keep-alive client with the admin API key (see <see cref="LeanHttpClient"/>).</summary>
    public LeanHttpClient CreateClient() => new(BaseAddress, ApiKey);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        foreach (var d in _owned)
        {
            d.Dispose();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder must not fail a benchmark.
        }
    }
}
