using System.Security.Cryptography;
using System.Text;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores.Tests;

/// <summary>
/// The one behavioural suite every <see cref="IVaultStore"/> must pass; a subclass per store supplies a
/// fresh database, more instances on it (standing for more service processes) and raw SQL for tampering.
/// </summary>
public abstract partial class VaultStoreContractTests : IAsyncLifetime
{
    /// <summary>Ticks that are not a whole microsecond, so a store that rounds times fails the round trip.</summary>
    protected static readonly DateTimeOffset T0 = new(638_700_000_000_000_007, TimeSpan.Zero);

    private readonly List<IVaultStore> _opened = [];

    /// <summary>The first store instance, initialised.</summary>
    protected IVaultStore Store { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates the empty database this test uses.</summary>
    protected abstract Task PrepareDatabaseAsync();

    /// <summary>A new, uninitialised store instance on this test's database.</summary>
    protected abstract IVaultStore CreateStore();

    /// <summary>Runs SQL directly against the database, bypassing the store (an attacker with DB access).</summary>
    protected abstract Task ExecuteAsync(string sql);

    /// <summary>The first column of the first row of a query.</summary>
    protected abstract Task<long> ScalarAsync(string sql);

    /// <summary>SQL counting the indexes named <paramref name="name"/> in the store's schema.</summary>
    protected abstract string IndexCountSql(string name);

    protected virtual Task CleanupDatabaseAsync() => Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        await PrepareDatabaseAsync();
        Store = await OpenAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            if (store is IAsyncDisposable a)
            {
                await a.DisposeAsync();
            }
            else
            {
                (store as IDisposable)?.Dispose();
            }
        }

        await CleanupDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Another initialised instance on the same database, disposed after the test.</summary>
    protected async Task<IVaultStore> OpenAsync()
    {
        var store = CreateStore();
        _opened.Add(store);
        await store.InitializeAsync(Ct);
        return store;
    }

    /// <summary>A record as the tokeniser would make it: the PAN only as HMAC and ciphertext (here random stand-ins).</summary>
    protected static TokenRecord Record(string token, string panStandIn, int lookupVersion = 1, int fieldVersion = 1) => new(
        token,
        SHA256.HashData(Encoding.UTF8.GetBytes(panStandIn)),
        lookupVersion,
        RandomNumberGenerator.GetBytes(44),
        fieldVersion,
        "random-keep-last4",
        panStandIn[^4..],
        T0,
        "client-a");

    protected static void ShouldMatch(TokenRecord actual, TokenRecord expected)
    {
        actual.Token.ShouldBe(expected.Token);
        actual.Lookup.ShouldBe(expected.Lookup);
        actual.LookupKeyVersion.ShouldBe(expected.LookupKeyVersion);
        actual.EncryptedPan.ShouldBe(expected.EncryptedPan);
        actual.FieldKeyVersion.ShouldBe(expected.FieldKeyVersion);
        actual.Profile.ShouldBe(expected.Profile);
        actual.Last4.ShouldBe(expected.Last4);
        actual.CreatedAt.UtcTicks.ShouldBe(expected.CreatedAt.UtcTicks);
        actual.CreatedBy.ShouldBe(expected.CreatedBy);
    }

    /// <summary>Starts every call at once: the calls wait on one gate, then race.</summary>
    protected static async Task<T[]> RaceAsync<T>(int count, Func<int, Task<T>> call)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await call(i);
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task InitializeAsync_RunAgainAndFromAnotherInstance_KeepsDataAndRecordsVersionOnce()
    {
        var record = Record("tok-1", "4111111111111111");
        await Store.InsertOrGetAsync(record, Ct);

        await Store.InitializeAsync(Ct);
        var second = await OpenAsync();

        ShouldMatch((await second.FindByTokenAsync("tok-1", Ct)).ShouldNotBeNull(), record);
        (await ScalarAsync("SELECT COUNT(*) FROM vault_schema")).ShouldBe(SqliteVaultStore.SchemaVersion);
        (await ScalarAsync("SELECT MAX(version) FROM vault_schema")).ShouldBe(SqliteVaultStore.SchemaVersion);
        PostgresVaultStore.SchemaVersion.ShouldBe(SqliteVaultStore.SchemaVersion);
    }

    [Fact]
    public async Task InitializeAsync_Version1Database_DropsTheKeyVersionIndexOnce()
    {
        // Put the database back to version 1: the index is there and migration 2 is not recorded.
        await ExecuteAsync("CREATE INDEX ix_vault_tokens_key_versions ON vault_tokens(field_key_version, lookup_key_version)");
        await ExecuteAsync("DELETE FROM vault_schema WHERE version = 2");
        (await ScalarAsync(IndexCountSql("ix_vault_tokens_key_versions"))).ShouldBe(1);

        var upgraded = CreateStore();
        _opened.Add(upgraded);
        await upgraded.InitializeAsync(Ct);

        (await ScalarAsync(IndexCountSql("ix_vault_tokens_key_versions"))).ShouldBe(0);
        (await ScalarAsync("SELECT COUNT(*) FROM vault_schema WHERE version = 2")).ShouldBe(1);
    }

    [Fact]
    public async Task InitializeAsync_DatabaseFromNewerVersion_Refuses()
    {
        await ExecuteAsync("INSERT INTO vault_schema(version, name, applied_at_ticks) VALUES (999, 'future', 0)");

        var newer = CreateStore();
        _opened.Add(newer);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => newer.InitializeAsync(Ct));
        error.Message.ShouldContain("999");
    }
}
