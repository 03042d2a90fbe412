using PciZone.Vault.Contracts;
using PciZone.Vault.Stores;

namespace PciZone.Cli.VaultCmd;

/// <summary>Which store a vault command uses: PostgreSQL when a connection string is given, else SQLite in the data folder.</summary>
internal static class VaultStorage
{
    public const string DefaultData = ".pcizone/vault";

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
