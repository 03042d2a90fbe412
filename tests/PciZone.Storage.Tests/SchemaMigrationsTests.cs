using System.Globalization;
using Microsoft.Data.Sqlite;
using PciZone.Storage;

namespace PciZone.Storage.Tests;

public sealed class SchemaMigrationsTests : IDisposable
{
    private static readonly SchemaLedger Ledger = new("test_schema", "applied_at", "test store");

    private static readonly SchemaMigration[] Two =
    [
        new(1, "first", "CREATE TABLE a (x INTEGER NOT NULL);"),
        new(2, "second", "CREATE TABLE b (y INTEGER NOT NULL); INSERT INTO a(x) VALUES (7);"),
    ];

    private readonly SqliteConnection _db = new("Data Source=:memory:");

    public SchemaMigrationsTests() => _db.Open();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Apply_NewDatabase_RunsEveryMigrationInOrderAndRecordsEach()
    {
        Run(Two, appliedAt: 42);

        Ledgered().ShouldBe(["1 first 42", "2 second 42"]);
        Scalar("SELECT x FROM a").ShouldBe(7L);
        Scalar("SELECT COUNT(*) FROM b").ShouldBe(0L);
    }

    [Fact]
    public void Apply_Twice_RunsNothingTheSecondTime()
    {
        Run(Two, appliedAt: 1);
        Run(Two, appliedAt: 2);

        Ledgered().ShouldBe(["1 first 1", "2 second 1"]);
        Scalar("SELECT COUNT(*) FROM a").ShouldBe(1L);
    }

    [Fact]
    public void Apply_OlderDatabase_RunsOnlyTheNewMigrations()
    {
        Run(Two[..1], appliedAt: 1);
        Run(Two, appliedAt: 2);

        Ledgered().ShouldBe(["1 first 1", "2 second 2"]);
    }

    [Fact]
    public void Apply_NewerDatabase_IsRefusedAndLeftUnchanged()
    {
        Run(Two, appliedAt: 1);

        var ex = Should.Throw<InvalidOperationException>(() => Run(Two[..1], appliedAt: 2));

        ex.Message.ShouldBe("The test store has schema version 2; this PciZone knows up to 1. Use a newer PciZone.");
        Ledgered().ShouldBe(["1 first 1", "2 second 1"]);
    }

    [Fact]
    public void Apply_FailingMigration_LeavesNothingOfTheRunBehind()
    {
        SchemaMigration[] broken = [.. Two, new(3, "broken", "CREATE TABLE c (z INTEGER); INSERT INTO nowhere VALUES (1);")];

        Should.Throw<SqliteException>(() => Run(broken, appliedAt: 1));

        // The caller's transaction is disposed uncommitted: not even the ledger table exists.
        Scalar("SELECT COUNT(*) FROM sqlite_master").ShouldBe(0L);
    }

    [Fact]
    public async Task ApplyAsync_DoesWhatApplyDoes()
    {
        await using (var tx = (SqliteTransaction)await _db.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            await SchemaMigrations.ApplyAsync(tx, Ledger, Two, 5, TestContext.Current.CancellationToken);
            await tx.CommitAsync(TestContext.Current.CancellationToken);
        }

        Ledgered().ShouldBe(["1 first 5", "2 second 5"]);
    }

    [Fact]
    public void Latest_IsTheLastVersion() => SchemaMigrations.Latest(Two).ShouldBe(2);

    private void Run(IReadOnlyList<SchemaMigration> migrations, long appliedAt)
    {
        using var tx = _db.BeginTransaction(deferred: false);
        SchemaMigrations.Apply(tx, Ledger, migrations, appliedAt);
        tx.Commit();
    }

    private List<string> Ledgered()
    {
        using var query = _db.CreateCommand();
        query.CommandText = "SELECT version, name, applied_at FROM test_schema ORDER BY version";
        using var reader = query.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt32(0)} {reader.GetString(1)} {reader.GetInt64(2)}"));
        }

        return rows;
    }

    private object? Scalar(string sql)
    {
        using var query = _db.CreateCommand();
        query.CommandText = sql;
        return query.ExecuteScalar();
    }
}
