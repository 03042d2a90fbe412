using Microsoft.Data.Sqlite;
using static PciZone.Monitoring.Store.Tests.StoreFixture;

namespace PciZone.Monitoring.Store.Tests;

/// <summary>A sink name used for the first time is owed the alerts stored after that, not the whole history.</summary>
public sealed class SinkRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PendingAsync_NewSinkAfterAlertsStored_GetsOnlyLaterAlerts_WhileAnOlderSinkKeepsItsBacklog()
    {
        var store = SqliteMonitorState.Open(NewPath());
        (await store.PendingAsync("jsonl", Ct)).ShouldBeEmpty();
        await store.CommitObjectAsync("a", Clean, [Alert("k1"), Alert("k2")], [], Ct);

        (await store.PendingAsync("webhook", Ct)).ShouldBeEmpty();
        await store.CommitObjectAsync("b", Clean, [Alert("k3")], [], Ct);

        (await store.PendingAsync("webhook", Ct)).Select(a => a.Key).ShouldBe(["k3"]);
        (await store.PendingAsync("jsonl", Ct)).Select(a => a.Key).ShouldBe(["k1", "k2", "k3"]);
    }

    [Fact]
    public async Task PendingAsync_RegisteredSink_ReadsWhileAnotherProcessHoldsTheWriteLock()
    {
        var path = NewPath();
        var store = SqliteMonitorState.Open(path, new SqliteMonitorStateOptions { BusyTimeout = TimeSpan.FromMilliseconds(100) });
        await store.CommitObjectAsync("a", Clean, [Alert("k1")], [], Ct);
        (await store.PendingAsync("webhook", Ct)).ShouldBeEmpty();
        await store.CommitObjectAsync("b", Clean, [Alert("k2")], [], Ct);
        using var writer = new SqliteConnection($"Data Source={path};Pooling=False");
        writer.Open();
        using var held = writer.BeginTransaction(deferred: false);

        // A registered sink only reads; a new one must register, which needs the lock the other writer holds.
        (await store.PendingAsync("webhook", Ct)).Select(a => a.Key).ShouldBe(["k2"]);
        Should.Throw<SqliteException>(() => store.PendingAsync("jsonl", Ct)).SqliteErrorCode.ShouldBe(5); // SQLITE_BUSY
    }

    [Fact]
    public async Task PendingAsync_NewSinksReceiveHistory_GetsEveryStoredAlert()
    {
        var path = NewPath();
        var store = SqliteMonitorState.Open(path);
        await store.CommitObjectAsync("a", Clean, [Alert("k1"), Alert("k2")], [], Ct);

        var replaying = SqliteMonitorState.Open(path, new SqliteMonitorStateOptions { NewSinksReceiveHistory = true });

        (await replaying.PendingAsync("webhook", Ct)).Select(a => a.Key).ShouldBe(["k1", "k2"]);
    }

    [Fact]
    public async Task Migration_FileWithDeliveriesBeforeSinkRegistration_KeepsThoseSinksWholeBacklog()
    {
        var path = NewPath();
        var store = SqliteMonitorState.Open(path);
        await store.CommitObjectAsync("a", Clean, [Alert("k1"), Alert("k2"), Alert("k3")], [], Ct);
        await store.MarkDeliveredAsync("webhook", ["k1"], Ct);
        // Back to a version-1 file: no sinks table, only the deliveries it had.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            downgrade.CommandText = "DROP TABLE sinks; DELETE FROM schema_migrations WHERE version > 1;";
            downgrade.ExecuteNonQuery();
        }

        var upgraded = SqliteMonitorState.Open(path);

        (await upgraded.PendingAsync("webhook", Ct)).Select(a => a.Key).ShouldBe(["k2", "k3"]);
        (await upgraded.PendingAsync("new-sink", Ct)).ShouldBeEmpty();
    }
}
