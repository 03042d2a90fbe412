using PciZone.Monitoring.Detection;
using PciZone.Monitoring.Pipeline;
using PciZone.Monitoring.Rules;
using PciZone.Monitoring.Tests.Pipeline.TestSupport;

namespace PciZone.Monitoring.Store.Tests;

/// <summary>
/// The restart guarantee with the real engine: rules written as YAML, real gzip CloudTrail files, the real
/// CloudTrailDetector (its de-duplication window and threshold windows saved with every commit).
/// </summary>
public sealed class RealDetectorRestartTests
{
    private const int Files = 5;
    private static readonly DateTimeOffset Day = new(2024, 5, 2, 8, 0, 0, TimeSpan.Zero);

    private const string StatelessRule = """
        id: PCZ-MON-901
        title: CloudTrail logging stopped
        status: test
        level: critical
        description: A trail stopped logging.
        logsource:
          product: aws
          service: cloudtrail
        detection:
          selection:
            eventSource: cloudtrail.amazonaws.com
            eventName: StopLogging
          condition: selection
        pcizone:
          requirements: ["10.2.1.6"]
        """;

    private const string ThresholdRule = """
        id: PCZ-MON-902
        title: Repeated trail stops by one principal
        status: test
        level: high
        description: Three or more StopLogging calls by one principal within ten minutes.
        logsource:
          product: aws
          service: cloudtrail
        detection:
          selection:
            eventName: StopLogging
          condition: selection
        pcizone:
          requirements: ["10.2.1.6"]
          threshold: { count: 3, window: 10m, by: [userIdentity.arn] }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int> CommitPoints => [.. Enumerable.Range(1, Files)];

    [Theory]
    [MemberData(nameof(CommitPoints))]
    public async Task CrashAfterCommit_RestartWithRealDetector_SameAlertsNoRepeats(int commit)
    {
        var (root, rules, baseline) = await Baseline();
        var path = StoreFixture.NewPath();
        var sink = new RecordingSink();

        var state = new FaultyState(SqliteMonitorState.Open(path))
        {
            AfterCommit = n => { if (n == commit) { throw new SimulatedCrashException("killed"); } },
        };
        await Should.ThrowAsync<SimulatedCrashException>(() => Runner(root, rules, state, sink).RunAsync(Ct));
        await Runner(root, rules, SqliteMonitorState.Open(path), sink).RunAsync(Ct);

        sink.Keys.ShouldBeUnique();
        sink.Keys.Order(StringComparer.Ordinal).ShouldBe(baseline);
    }

    [Theory]
    [MemberData(nameof(CommitPoints))]
    public async Task CancelledMidFolder_RestartWithRealDetector_SameAlertsNoRepeats(int commit)
    {
        var (root, rules, baseline) = await Baseline();
        var path = StoreFixture.NewPath();
        var sink = new RecordingSink();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var state = new FaultyState(SqliteMonitorState.Open(path)) { AfterCommit = n => { if (n == commit) { cts.Cancel(); } } };
        (await Runner(root, rules, state, sink).RunAsync(cts.Token)).Cancelled.ShouldBeTrue();
        await Runner(root, rules, SqliteMonitorState.Open(path), sink).RunAsync(Ct);

        sink.Keys.ShouldBeUnique();
        sink.Keys.Order(StringComparer.Ordinal).ShouldBe(baseline);
    }

    [Fact]
    public async Task IoErrorMidFile_RealDetectorRedeliveredInSameRun_LosesNothing()
    {
        var (root, rules, baseline) = await Baseline();
        var key = Directory.EnumerateFiles(root, "*.json.gz", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).Order(StringComparer.Ordinal).ElementAt(1);
        var sink = new RecordingSink();

        var length = (int)new FileInfo(Path.Combine(root, key)).Length;
        var source = new FaultySource(new FolderSource(root), key, failAfterBytes: length - 8, redeliverFailed: true);
        var summary = await new MonitorRunner(source, MonitorDetector.Create(rules), SqliteMonitorState.Open(StoreFixture.NewPath()), [sink]).RunAsync(Ct);

        summary.FailedObjects.Single().ObjectKey.ShouldBe(key);
        sink.Keys.ShouldBeUnique();
        // Redelivered last, the object is read out of order, so threshold windows may group differently;
        // every per-event alert must be there: none of the half-read records was taken for a duplicate.
        static IEnumerable<string> PerEvent(IEnumerable<string> keys) => keys.Where(k => k.StartsWith("PCZ-MON-901", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        PerEvent(sink.Keys).ShouldBe(PerEvent(baseline));
        summary.Duplicates.ShouldBe(1);
    }

    private static MonitorRunner Runner(string root, MonitorRuleSet rules, IMonitorState state, RecordingSink sink) =>
        new(new FolderSource(root), MonitorDetector.Create(rules), state, [sink]);

    private static async Task<(string Root, MonitorRuleSet Rules, List<string> Keys)> Baseline()
    {
        var ruleFolder = CloudTrailFiles.TempFolder();
        foreach (var (slug, yaml) in new[] { ("stop", StatelessRule), ("stop-repeated", ThresholdRule) })
        {
            Directory.CreateDirectory(Path.Combine(ruleFolder, slug));
            await File.WriteAllTextAsync(Path.Combine(ruleFolder, slug, "rule.yaml"), yaml, Ct);
        }

        var rules = MonitorRules.Load(includeBuiltIn: false, [ruleFolder]);
        rules.Errors.ShouldBeEmpty();
        rules.Rules.Count.ShouldBe(2);

        var root = CloudTrailFiles.TempFolder();
        var n = 0;
        for (var f = 0; f < Files; f++)
        {
            var time = Day.AddMinutes(f * 3);
            var records = new List<TestRecord>();
            for (var r = 0; r < 8; r++)
            {
                n++;
                records.Add(new TestRecord($"6f1c{n:D4}-0000-4000-8000-00000000{n:D4}", n % 3 == 0 ? "DescribeTrails" : "StopLogging",
                    time.AddSeconds(r * 15), UserName: r % 2 == 0 ? "Alice" : "Bob"));
            }

            if (f == 2)
            {
                // A record CloudTrail delivered twice, in an earlier file: the engine must drop it.
                records.Add(new TestRecord("6f1c0001-0000-4000-8000-000000000001", "StopLogging", Day, UserName: "Alice"));
            }

            CloudTrailFiles.Write(root, time.ToString("yyyyMMdd'T'HHmm'Z'", System.Globalization.CultureInfo.InvariantCulture) + "_r", records);
        }

        var sink = new RecordingSink();
        var summary = await Runner(root, rules, SqliteMonitorState.Open(StoreFixture.NewPath()), sink).RunAsync(Ct);
        summary.Duplicates.ShouldBe(1);
        summary.Problems.ShouldBeEmpty();
        sink.Keys.ShouldBeUnique();
        sink.Keys.ShouldContain(k => k.Contains("PCZ-MON-902", StringComparison.Ordinal));
        sink.Keys.ShouldContain(k => k.Contains("PCZ-MON-901", StringComparison.Ordinal));
        return (root, rules, [.. sink.Keys.Order(StringComparer.Ordinal)]);
    }
}
