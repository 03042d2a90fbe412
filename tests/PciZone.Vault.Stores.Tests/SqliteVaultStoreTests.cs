using System.Globalization;
using Microsoft.Data.Sqlite;
using PciZone.Vault.Audit;
using PciZone.Vault.Contracts;

namespace PciZone.Vault.Stores.Tests;

/// <summary>The contract suite on a fresh SQLite file per test, plus what only a file store promises.</summary>
public sealed class SqliteVaultStoreTests : VaultStoreContractTests
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pcizone-vault-sqlite-" + Guid.NewGuid().ToString("n"));

    private string DbPath => Path.Combine(_dir, "vault.db");

    protected override Task PrepareDatabaseAsync()
    {
        Directory.CreateDirectory(_dir);
        return Task.CompletedTask;
    }

    protected override IVaultStore CreateStore() => SqliteVaultStore.Open(DbPath);

    protected override string IndexCountSql(string name) => $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = '{name}'";

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = RawConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = RawConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
    }

    protected override Task CleanupDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private SqliteConnection RawConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    [Fact]
    public async Task Open_AfterDispose_SeesEveryTokenKeyAndAuditEntry()
    {
        var record = Record("tok-durable", "4111111111111111");
        await Store.InsertOrGetAsync(record, Ct);
        await Store.InsertOrGetManyAsync([Record("tok-b1", "5555555555554444"), Record("tok-b2", "378282246310005")], Ct);
        await Store.AddKeyAsync(new StoredDataKey(KeyPurpose.Lookup, 1, [1, 2, 3], "local", "kek", T0, T0, null, T0.AddYears(1)), Ct);
        await Store.AppendAuditAsync([new AuditDraft(T0, "client-a", "tokenize", "tok-durable", "ok")], Ct);
        ((IDisposable)Store).Dispose();

        using var reopened = SqliteVaultStore.Open(DbPath);
        await reopened.InitializeAsync(Ct);

        ShouldMatch((await reopened.FindByTokenAsync("tok-durable", Ct)).ShouldNotBeNull(), record);
        (await reopened.FindByTokenAsync("tok-b2", Ct)).ShouldNotBeNull();
        (await reopened.GetKeysAsync(Ct)).ShouldHaveSingleItem().WrappedKey.ShouldBe([1, 2, 3]);
        var audit = await ReadAllAuditAsync(reopened);
        audit.ShouldHaveSingleItem().Subject.ShouldBe("tok-durable");
        AuditChain.Verify(audit).ShouldBeNull();
    }

    [Fact]
    public async Task Connect_AfterInitialize_UsesWalAndFullSynchronousWrites()
    {
        using var connection = ((SqliteVaultStore)Store).Connect();
        await using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA journal_mode";
        (await command.ExecuteScalarAsync(Ct)).ShouldBe("wal");
        // 2 = FULL: WAL commits are fsynced before the call returns, so an acknowledged token survives power loss.
        command.CommandText = "PRAGMA synchronous";
        Convert.ToInt64(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture).ShouldBe(2);
        command.CommandText = "PRAGMA busy_timeout";
        Convert.ToInt64(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture).ShouldBe(30_000);
    }
}
