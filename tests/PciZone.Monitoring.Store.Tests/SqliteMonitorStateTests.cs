using Microsoft.Data.Sqlite;
using PciZone.Monitoring.Pipeline;
using static PciZone.Monitoring.Store.Tests.StoreFixture;

namespace PciZone.Monitoring.Store.Tests;

public sealed class SqliteMonitorStateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Open_NewFile_UsesWalAndRecordsTheSchemaVersion()
    {
        var path = NewPath();
        _ = SqliteMonitorState.Open(path);
        _ = SqliteMonitorState.Open(path);

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Scalar(connection, "PRAGMA journal_mode").ShouldBe("wal");
        // Every migration once, in order, up to the latest.
        Scalar(connection, "SELECT group_concat(version) FROM (SELECT version FROM schema_migrations ORDER BY version)")
            .ShouldBe(string.Join(',', Enumerable.Range(1, SqliteMonitorState.SchemaVersion)));
    }

    [Fact]
    public void Open_FileFromANewerVersion_IsRefused()
    {
        var path = NewPath();
        _ = SqliteMonitorState.Open(path);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var bump = connection.CreateCommand();
            bump.CommandText = "INSERT INTO schema_migrations VALUES (999, 'future', 0)";
            bump.ExecuteNonQuery();
        }

        Should.Throw<InvalidOperationException>(() => SqliteMonitorState.Open(path)).Message.ShouldContain("999");
    }

    [Fact]
    public async Task CommitObjectAsync_DuplicateKeys_AreStoredOnceAndNotReturnedAsNew()
    {
        var store = StoreFixture.OpenReadingAll(NewPath());

        var first = await store.CommitObjectAsync("a", Clean, [Alert("k1"), Alert("k2"), Alert("k1")], [1], Ct);
        var second = await store.CommitObjectAsync("b", Clean, [Alert("k2"), Alert("k3")], [2], Ct);

        first.Select(a => a.Key).ShouldBe(["k1", "k2"]);
        second.Select(a => a.Key).ShouldBe(["k3"]);
        (await store.PendingAsync("jsonl", Ct)).Select(a => a.Key).ShouldBe(["k1", "k2", "k3"]);
        (await store.IsDoneAsync("a", Ct)).ShouldBeTrue();
        (await store.IsDoneAsync("c", Ct)).ShouldBeFalse();
        (await store.LoadDetectorStateAsync(Ct)).ShouldBe(new byte[] { 2 });
    }

    [Fact]
    public async Task CommitObjectAsync_AlertRoundTrips_EveryField()
    {
        var store = StoreFixture.OpenReadingAll(NewPath());
        var alert = Alert("k1") with { Requirements = ["10.2.1.2", "10.2.2"], SourceIp = null };

        await store.CommitObjectAsync("a", Clean, [alert], [], Ct);

        var stored = (await store.PendingAsync("s", Ct)).Single();
        stored.ShouldBe(alert with { Requirements = stored.Requirements });
        stored.Requirements.ShouldBe(["10.2.1.2", "10.2.2"]);
    }

    [Fact]
    public async Task CommitObjectAsync_FailsInsideTheTransaction_LeavesNothingBehind()
    {
        var store = StoreFixture.OpenReadingAll(NewPath());
        // An alert without a title cannot be written: the commit fails after the first alert and its incident were.
        var broken = Alert("k2") with { Title = null! };
        Exception? failure = null;
        try
        {
            await store.CommitObjectAsync("a", Clean, [Alert("k1"), broken], [9], Ct);
        }
        catch (InvalidOperationException error)
        {
            failure = error;
        }

        failure.ShouldNotBeNull();

        (await store.IsDoneAsync("a", Ct)).ShouldBeFalse();
        (await store.PendingAsync("s", Ct)).ShouldBeEmpty();
        (await store.LoadDetectorStateAsync(Ct)).ShouldBeNull();
        (await store.CountIncidentsAsync(Ct)).ShouldBe(new(0, 0, 0));
    }

    [Fact]
    public async Task MarkDeliveredAsync_PerSink_RemovesOnlyThatSinksPending()
    {
        var store = StoreFixture.OpenReadingAll(NewPath());
        await store.CommitObjectAsync("a", Clean, [Alert("k1"), Alert("k2")], [], Ct);

        await store.MarkDeliveredAsync("webhook", ["k1"], Ct);
        await store.MarkDeliveredAsync("webhook", ["k1"], Ct);

        (await store.PendingAsync("webhook", Ct)).Select(a => a.Key).ShouldBe(["k2"]);
        (await store.PendingAsync("jsonl", Ct)).Select(a => a.Key).ShouldBe(["k1", "k2"]);
    }

    [Fact]
    public async Task CommitAlertsAsync_SilenceAlerts_StoredWithStateAndNoObject()
    {
        var store = StoreFixture.OpenReadingAll(NewPath());

        var fresh = await store.CommitAlertsAsync([Alert("sil", "PCZ-MON-050", principal: null)], [7], Ct);
        var again = await store.CommitAlertsAsync([Alert("sil", "PCZ-MON-050", principal: null)], [8], Ct);

        fresh.Count.ShouldBe(1);
        again.ShouldBeEmpty();
        (await store.LoadDetectorStateAsync(Ct)).ShouldBe(new byte[] { 8 });
    }

    [Fact]
    public async Task LoadDetectorStateAsync_PerConsumer_KeepsEachConsumersState()
    {
        var path = NewPath();
        var a = SqliteMonitorState.Open(path, new SqliteMonitorStateOptions { ConsumerId = "a" });
        var b = SqliteMonitorState.Open(path, new SqliteMonitorStateOptions { ConsumerId = "b" });

        await a.CommitObjectAsync("x", Clean, [], [1], Ct);
        await b.CommitObjectAsync("y", Clean, [], [2], Ct);

        (await a.LoadDetectorStateAsync(Ct)).ShouldBe(new byte[] { 1 });
        (await b.LoadDetectorStateAsync(Ct)).ShouldBe(new byte[] { 2 });
        (await a.IsDoneAsync("y", Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task CommitObjectAsync_TwoProcessesWriteConcurrently_EveryAlertStoredExactlyOnce()
    {
        var path = NewPath();
        var stores = new[] { StoreFixture.OpenReadingAll(path), StoreFixture.OpenReadingAll(path) };
        var fresh = new System.Collections.Concurrent.ConcurrentBag<string>();

        // Both writers offer the same 200 keys, each in 50 objects of 4, at the same time.
        await Task.WhenAll(stores.Select((store, w) => Task.Run(async () =>
        {
            for (var o = 0; o < 50; o++)
            {
                var alerts = Enumerable.Range(o * 4, 4).Select(i => Alert($"k{i}", minutes: i)).ToList();
                foreach (var alert in await store.CommitObjectAsync($"obj{o}", Clean, alerts, [(byte)w], Ct))
                {
                    fresh.Add(alert.Key);
                }
            }
        }, Ct)));

        fresh.Count.ShouldBe(200);
        fresh.Distinct().Count().ShouldBe(200);
        (await stores[0].PendingAsync("s", Ct)).Count.ShouldBe(200);
    }

    [Fact]
    public async Task Writes_WhileAnotherConnectionHoldsTheWriteLock_WaitForIt()
    {
        var path = NewPath();
        var store = SqliteMonitorState.Open(path);
        using var holder = new SqliteConnection($"Data Source={path};Pooling=False");
        holder.Open();
        using var tx = holder.BeginTransaction(deferred: false);

        var commit = Task.Run(() => store.CommitObjectAsync("a", Clean, [Alert("k1")], [], Ct), Ct);
        await Task.Delay(300, Ct);
        commit.IsCompleted.ShouldBeFalse();
        // WAL: readers are not blocked by the writer.
        (await store.IsDoneAsync("a", Ct)).ShouldBeFalse();
        tx.Commit();

        (await commit).Count.ShouldBe(1);
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }
}
