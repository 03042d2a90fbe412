using PciZone.Vault.Contracts;
using PciZone.Vault.Stores;

namespace PciZone.Cli.VaultCmd;

/// <summary>Which store a vault command uses: PostgreSQL when a connection string is given, else SQLite in the data folder.</summary>
internal static class VaultStorage
{
    public const string DefaultData = ".pcizone/vault";

    /// <summary>The connection string in the environment variable <c>--postgres-env</c> names; null when none is named.</summary>
    public static string? Postgres(CliHost host, string? variable) =>
        variable is null ? null : host.Environment(variable) ?? throw new UsageException($"--postgres-env: {variable} is not set");

    /// <summary>
    /// <see cref="Postgres"/> for commands that work on an existing vault: without PostgreSQL, the data folder
    /// must already hold a store (nothing is created to be looked at).
    /// </summary>
    public static string? Existing(CliHost host, string dataDir, string? postgresVariable)
    {
        var connection = Postgres(host, postgresVariable);
        var file = Path.Combine(dataDir, "vault.db");
        return connection is null && !File.Exists(file)
            ? throw new UsageException($"{file}: no vault store here (give --data or --postgres-env)")
            : connection;
    }

    public static async Task<IVaultStore> OpenAsync(string dataDir, string? postgres, CancellationToken ct)
    {
        IVaultStore store;
        if (postgres is not null)
        {
            store = PostgresVaultStore.Create(postgres);
        }
        else
        {
            Directory.CreateDirectory(dataDir);
            store = SqliteVaultStore.Open(Path.Combine(dataDir, "vault.db"));
        }

        await store.InitializeAsync(ct).ConfigureAwait(false);
        return store;
    }
}
