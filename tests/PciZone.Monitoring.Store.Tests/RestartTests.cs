using PciZone.Monitoring.Pipeline;
using PciZone.Monitoring.Tests.Pipeline.TestSupport;

namespace PciZone.Monitoring.Store.Tests;

/// <summary>
/// Kill-and-restart: a run over a folder of gzip CloudTrail files is stopped at a chosen point, then a new
/// runner (new detector, new store instance) carries on over the same SQLite file. The union of what the
/// sink saw must equal an uninterrupted run, and no alert may be published twice, except the one batch a
/// crash caught between the sink taking it and the store recording that (at least once to sinks,
/// exactly once in the store).
/// </summary>
public sealed class RestartTests
{
    private const int Files = 6;
    private static readonly DateTimeOffset Day = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int> CommitPoints => [.. Enumerable.Range(1, Files)];

    [Theory]
    [MemberData(nameof(CommitPoints))]
    public async Task CrashAfterCommitBeforePublish_RestartPublishesTheRestOnce(int commit)
    {
        var (root, baseline) = await Baseline();
        var path = StoreFixture.NewPath();
        var sink = new RecordingSink();

        var state = new FaultyState(SqliteMonitorState.Open(path)) { AfterCommit = n => Crash(n == commit) };
        await Should.ThrowAsync<SimulatedCrashException>(() => Runner(root, state, sink).RunAsync(Ct));
        await Runner(root, SqliteMonitorState.Open(path), sink).RunAsync(Ct);

        sink.Keys.ShouldBeUnique();
        sink.Keys.Order(StringComparer.Ordinal).ShouldBe(baseline);
        await StoredKeysShouldBe(path, baseline);
    }

    [Theory]
    [MemberData(nameof(CommitPoints))]
    public async Task CrashBeforeCommit_ObjectReadButNotDurable_IsRedoneWithoutLossOrRepeat(int commit)
    {
        var (root, baseline) = await Baseline();
        var path = StoreFixture.NewPath();
        var sink = new RecordingSink();

        var state = new FaultyState(SqliteMonitorState.Open(path)) { BeforeCommit = n => Crash(n == commit) };
        await Should.ThrowAsync<SimulatedCrashException>(() => Runner(root, state, sink).RunAsync(Ct));
        await Runner(root, SqliteMonitorState.Open(path), sink).RunAsync(Ct);

        sink.Keys.ShouldBeUnique();
        sink.Keys.Order(StringComparer.Ordinal).ShouldBe(baseline);
    }

    [Theory]
    [MemberData(nameof(CommitPoints))]
    public async Task CancelledMidFolder_RestartCarriesOn(int commit)
    {
        var (root, baseline) = await Baseline();
        var path = StoreFixture.NewPath();
        var sink = new RecordingSink();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var state = new FaultyState(SqliteMonitorState.Open(path)) { AfterCommit = n => { if (n == commit) { cts.Cancel(); } } };
        var first = await Runner(root, state, sink).RunAsync(cts.Token);
        await Runner(root, SqliteMonitorState.Open(path), sink).RunAsync(Ct);

        first.Cancelled.ShouldBeTrue();
        sink.Keys.ShouldBeUnique();
        sink.Keys.Order(StringComparer.Ordinal).ShouldBe(baseline);
    }

    [Theory]
    [InlineData(0, 150)]
    [InlineData(2, 400)]
    [InlineData(4, 300)]
    public async Task IoErrorMidFile_ObjectFailsThenRestartReadsItWhole(int fileIndex, int failAfterBytes)
    {
        var (root, baseline) = await Baseline();
        var path = StoreFixture.NewPath();
        var sink = new RecordingSink();
        var key = Keys(root)[fileIndex];

        var source = new FaultySource(new FolderSource(root), key, failAfterBytes);
        var first = await new MonitorRunner(source, new TestDetector(), SqliteMonitorState.Open(path), [sink]).RunAsync(Ct);
        await Runner(root, SqliteMonitorState.Open(path), sink).RunAsync(Ct);

        first.FailedObjects.Single().ObjectKey.ShouldBe(key);
        sink.Keys.ShouldBeUnique();
        sink.Keys.Order(StringComparer.Ordinal).ShouldBe(baseline);
    }

    [Fact]
    public async Task CrashBetweenPublishAndMarkDelivered_SinkSeesThatBatchAgainAndNothingElseTwice()
    {
        var (root, baseline) = await Baseline();
        var path = StoreFixture.NewPath();
        var sink = new RecordingSink();
        IReadOnlyList<string> caught = [];

        var state = new FaultyState(SqliteMonitorState.Open(path))
        {
            BeforeMark = (n, keys) =>
            {
                if (n == 2)
                {
                    caught = keys;
                    Crash(true);
                }
            },
        };
        await Should.ThrowAsync<SimulatedCrashException>(() => Runner(root, state, sink).RunAsync(Ct));
        await Runner(root, SqliteMonitorState.Open(path), sink).RunAsync(Ct);

        caught.ShouldNotBeEmpty();
        sink.Keys.Distinct().Order(StringComparer.Ordinal).ShouldBe(baseline);
        var repeated = sink.Keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key);
        repeated.Order(StringComparer.Ordinal).ShouldBe(caught.Order(StringComparer.Ordinal));
        sink.Keys.GroupBy(k => k).Max(g => g.Count()).ShouldBe(2);
        await StoredKeysShouldBe(path, baseline);
    }

    [Fact]
    public async Task Baseline_HasStatelessAndStatefulAlertsAndSkipsTheDigest()
    {
        var (root, baseline) = await Baseline();
        var source = new FolderSource(root);
        var summary = await new MonitorRunner(source, new TestDetector(), SqliteMonitorState.Open(StoreFixture.NewPath()), [new RecordingSink()]).RunAsync(Ct);

        baseline.ShouldContain(k => k.StartsWith("TEST-002:", StringComparison.Ordinal));
        baseline.Count.ShouldBeGreaterThan(Files);
        summary.Objects.ShouldBe(Files);
        summary.Duplicates.ShouldBe(1);
        source.DigestFilesSkipped.ShouldBe(1);
    }

    private static void Crash(bool now)
    {
        if (now)
        {
            throw new SimulatedCrashException("killed");
        }
    }

    private static MonitorRunner Runner(string root, IMonitorState state, RecordingSink sink) =>
        new(new FolderSource(root), new TestDetector(), state, [sink]);

    private static List<string> Keys(string root) =>
        [.. Directory.EnumerateFiles(root, "*.json.gz", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(k => !k.Contains("Digest", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private static async Task StoredKeysShouldBe(string path, List<string> baseline) =>
        (await StoreFixture.OpenReadingAll(path).PendingAsync("never-delivered", Ct)).Select(a => a.Key).Order(StringComparer.Ordinal).ShouldBe(baseline);

    /// <summary>
    /// Six files over two regions and two principals; StopLogging every other record (so TEST-002 fires on
    /// every third per principal, across files), one record repeated across files, one digest file.
    /// </summary>
    private static async Task<(string Root, List<string> Keys)> Baseline()
    {
        var root = CloudTrailFiles.TempFolder();
        var n = 0;
        for (var f = 0; f < Files; f++)
        {
            var region = f % 2 == 0 ? "us-east-1" : "eu-west-1";
            var time = Day.AddMinutes(f * 5);
            var records = new List<TestRecord>();
            for (var r = 0; r < 5; r++)
            {
                n++;
                records.Add(new TestRecord($"e{n:D3}", n % 2 == 0 ? "StopLogging" : "DescribeTrails", time.AddSeconds(r * 10),
                    UserName: r % 2 == 0 ? "Alice" : "Bob", Region: region));
            }

            if (f == 3)
            {
                records.Add(new TestRecord("e002", "StopLogging", Day.AddSeconds(10), UserName: "Bob"));
            }

            CloudTrailFiles.Write(root, time.ToString("yyyyMMdd'T'HHmm'Z'", System.Globalization.CultureInfo.InvariantCulture) + "_x", records);
        }

        CloudTrailFiles.WriteGzip(Path.Combine(root, "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/05/01/digest.json.gz"), "{}");
        var sink = new RecordingSink();
        await new MonitorRunner(new FolderSource(root), new TestDetector(), SqliteMonitorState.Open(StoreFixture.NewPath()), [sink]).RunAsync(Ct);
        sink.Keys.ShouldBeUnique();
        return (root, [.. sink.Keys.Order(StringComparer.Ordinal)]);
    }
}
