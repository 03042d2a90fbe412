using System.Globalization;
using Microsoft.Data.Sqlite;
using PciZone.Vault.Contracts;
using PciZone.Vault.Stores.Sqlite;

namespace PciZone.Vault.Stores.Tests;

/// <summary>The SQLite store's writer connection, reader pool and background checkpointer.</summary>
public sealed class SqliteWriterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(638_700_000_000_000_007, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pcizone-vault-writer-" + Guid.NewGuid().ToString("n"));
    private SqliteVaultStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DbPath => Path.Combine(_dir, "vault.db");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _store = SqliteVaultStore.Open(DbPath);
        await _store.InitializeAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Writer_Settings_FullSyncNoAutomaticCheckpointLargeCache()
    {
        Convert.ToInt64(await _store.WriterPragmaAsync("synchronous", Ct), CultureInfo.InvariantCulture).ShouldBe(2);
        // The writer leaves checkpoints to the background checkpointer: none inside a commit.
        Convert.ToInt64(await _store.WriterPragmaAsync("wal_autocheckpoint", Ct), CultureInfo.InvariantCulture).ShouldBe(0);
        Convert.ToInt64(await _store.WriterPragmaAsync("cache_size", Ct), CultureInfo.InvariantCulture).ShouldBe(-32768);
    }

    [Fact]
    public async Task Checkpointer_AfterWrites_CopiesTheLogIntoTheFileAndEmptiesItOnDispose()
    {
        for (var i = 0; i < 20; i++)
        {
            await _store.InsertOrGetManyAsync([.. Enumerable.Range(0, 50).Select(n => Record($"tok-{i}-{n}", i * 50 + n))], Ct);
        }

        var checkpointer = _store.Checkpointer.ShouldNotBeNull();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(checkpointer.Last.Log > 0 && checkpointer.Last.Checkpointed == checkpointer.Last.Log) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }

        checkpointer.Last.Log.ShouldBeGreaterThan(0);
        checkpointer.Last.Checkpointed.ShouldBe(checkpointer.Last.Log);
        _store.Dispose();
        var log = new FileInfo(DbPath + "-wal");
        (log.Exists ? log.Length : 0).ShouldBe(0);

        using var reopened = SqliteVaultStore.Open(DbPath);
        await reopened.InitializeAsync(Ct);
        (await reopened.FindByTokenAsync("tok-19-49", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Dispose_WhileAnotherProcessHoldsTheWriteLock_ReturnsWithoutWaitingForIt()
    {
        await _store.InsertOrGetManyAsync([Record("tok-a", 1)], Ct);
        using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString());
        other.Open();
        using var hold = other.BeginTransaction(deferred: false);

        var closing = Task.Run(_store.Dispose, Ct);

        // The busy timeout is 30 s; the final checkpoint must give up at once instead.
        (await Task.WhenAny(closing, Task.Delay(TimeSpan.FromSeconds(10), Ct))).ShouldBeSameAs(closing);
        hold.Rollback();
    }

    [Fact]
    public void SessionPool_ReadsReuseOneSession_AFailedReadDropsIt_DisposeRefusesMore()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString();
        var pool = new SqliteSessionPool(connectionString, "PRAGMA busy_timeout=1000;", maxIdle: 4);
        var first = pool.Read(s => s);
        pool.Read(s => s).ShouldBeSameAs(first);

        Should.Throw<SqliteException>(() => pool.Read<int>(s => Convert.ToInt32(s.Command("SELECT nope FROM nothing").ExecuteScalar(), CultureInfo.InvariantCulture)));
        pool.Read(s => s).ShouldNotBeSameAs(first);

        pool.Dispose();
        Should.Throw<ObjectDisposedException>(() => pool.Read(s => s));
    }

    [Fact]
    public void SqliteWrite_TruncateAudit_DropsOnlyTheEntriesQueuedAfterTheMark()
    {
        using var session = SqliteSession.Open(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString(), "PRAGMA busy_timeout=1000;");
        var write = new SqliteWrite(session);
        write.Audit([new AuditDraft(T0, "a", "tokenize", "tok-1", "ok")]);
        var mark = write.AuditMark;
        write.Audit([new AuditDraft(T0, "b", "tokenize", "tok-2", "ok"), new AuditDraft(T0, "c", "tokenize", "tok-3", "ok")]);

        write.TruncateAudit(mark);

        write.PendingAudit.Select(d => d.Actor).ShouldBe(["a"]);
    }

    private static TokenRecord Record(string token, int n)
    {
        var lookup = new byte[32];
        BitConverter.TryWriteBytes(lookup, n).ShouldBeTrue();
        return new TokenRecord(token, lookup, 1, new byte[40], 1, "random", "1111", T0, "client");
    }
}
