using PciZone.Monitoring.Pipeline;
using PciZone.Monitoring.Tests.Pipeline.TestSupport;

namespace PciZone.Monitoring.Tests.Pipeline;

public sealed class MonitorRunnerTests
{
    private static readonly DateTimeOffset Day = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_FolderOfFiles_CommitsPublishesAndSummarises()
    {
        var root = Folder(out var keys);
        var state = new InMemoryMonitorState();
        var sink = new RecordingSink();

        var summary = await new MonitorRunner(new FolderSource(root), new TestDetector(), state, [sink]).RunAsync(TestContext.Current.CancellationToken);

        sink.Keys.ShouldBe(["TEST-001:e1", "TEST-001:e3", "TEST-001:e5", "TEST-002:arn:aws:iam::111122223333:user/Alice:3"]);
        summary.Objects.ShouldBe(2);
        summary.Records.ShouldBe(5);
        summary.Duplicates.ShouldBe(1);
        summary.AlertsRaised.ShouldBe(4);
        summary.AlertsNew.ShouldBe(4);
        summary.AlertsPublished["recording"].ShouldBe(4);
        summary.ObjectsByKind[ObjectKind.CloudTrail].ShouldBe(2);
        summary.Cancelled.ShouldBeFalse();
        foreach (var key in keys)
        {
            (await state.IsDoneAsync(key, TestContext.Current.CancellationToken)).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task RunAsync_SecondRunOverSameState_SkipsDoneObjectsAndPublishesNothing()
    {
        var root = Folder(out _);
        var state = new InMemoryMonitorState();
        await new MonitorRunner(new FolderSource(root), new TestDetector(), state, [new RecordingSink()]).RunAsync(TestContext.Current.CancellationToken);
        var sink = new RecordingSink();

        var summary = await new MonitorRunner(new FolderSource(root), new TestDetector(), state, [sink]).RunAsync(TestContext.Current.CancellationToken);

        summary.ObjectsAlreadyDone.ShouldBe(2);
        summary.Objects.ShouldBe(0);
        sink.Keys.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_ObjectFailsMidFileAndIsRedelivered_DetectorForgetsTheHalfReadRecords()
    {
        var root = Folder(out var keys);
        // Fail near the end of the file, so that the detector has read most records when it breaks.
        var length = (int)new FileInfo(Path.Combine(root, keys[0])).Length;
        var source = new FaultySource(new FolderSource(root), keys[0], failAfterBytes: length - 8, redeliverFailed: true);
        var sink = new RecordingSink();

        var summary = await new MonitorRunner(source, new TestDetector(), new InMemoryMonitorState(), [sink]).RunAsync(TestContext.Current.CancellationToken);

        source.FailReasons.Single().ShouldContain("Simulated connection reset");
        summary.FailedObjects.Single().ObjectKey.ShouldBe(keys[0]);
        // Without the reset to the committed state, e1 (read before the failure) would be a "duplicate" on retry.
        sink.Keys.Order(StringComparer.Ordinal).ShouldBe(["TEST-001:e1", "TEST-001:e3", "TEST-001:e5", "TEST-002:arn:aws:iam::111122223333:user/Alice:3"]);
    }

    [Fact]
    public async Task RunAsync_SinkFailsOnce_AlertsStayPendingAndArePublishedLaterInOrder()
    {
        var root = Folder(out _);
        var sink = new RecordingSink { OnPublish = (n, _) => { if (n == 1) { throw new InvalidOperationException("webhook down"); } } };
        var options = new MonitorRunnerOptions { SinkRetryInterval = TimeSpan.Zero };

        var summary = await new MonitorRunner(new FolderSource(root), new TestDetector(), new InMemoryMonitorState(), [sink], options)
            .RunAsync(TestContext.Current.CancellationToken);

        summary.SinkFailures.Single().Reason.ShouldBe("webhook down");
        sink.Keys.ShouldBe(["TEST-001:e1", "TEST-001:e3", "TEST-001:e5", "TEST-002:arn:aws:iam::111122223333:user/Alice:3"]);
    }

    [Fact]
    public async Task RunAsync_StartWithPendingAlerts_PublishesThemFirst()
    {
        var root = Folder(out _);
        var state = new InMemoryMonitorState();
        await new MonitorRunner(new FolderSource(root), new TestDetector(), state, [new RecordingSink("other")]).RunAsync(TestContext.Current.CancellationToken);
        var late = new RecordingSink("late");

        var summary = await new MonitorRunner(new FolderSource(root), new TestDetector(), state, [late]).RunAsync(TestContext.Current.CancellationToken);

        late.Keys.Count.ShouldBe(4);
        summary.AlertsPublished["late"].ShouldBe(4);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsBetweenObjectsAndSaysSo()
    {
        var root = Folder(out var keys);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var state = new FaultyState(new InMemoryMonitorState()) { AfterCommit = n => { if (n == 1) { cts.Cancel(); } } };

        var summary = await new MonitorRunner(new FolderSource(root), new TestDetector(), state, [new RecordingSink()]).RunAsync(cts.Token);

        summary.Cancelled.ShouldBeTrue();
        summary.Objects.ShouldBe(1);
        (await state.IsDoneAsync(keys[1], TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task RunAsync_FollowWithAdvanceInterval_CommitsAndPublishesSilenceAlerts()
    {
        var root = CloudTrailFiles.TempFolder();
        var detector = new TestDetector { SilenceAccount = "111122223333" };
        var sink = new RecordingSink();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        sink.OnPublish = (n, _) => { if (n == 2) { cts.Cancel(); } };
        var state = new InMemoryMonitorState();
        var source = new FolderSource(root, new FolderSourceOptions { Follow = true, PollInterval = TimeSpan.FromHours(1) });
        var runner = new MonitorRunner(source, detector, state, [sink], new MonitorRunnerOptions { AdvanceInterval = TimeSpan.FromMinutes(5) },
            new InstantTimeProvider(Day));

        var summary = await runner.RunAsync(cts.Token);

        summary.Cancelled.ShouldBeTrue();
        sink.Keys.First().ShouldBe("TEST-SIL:111122223333:202405011005");
        state.Alerts.ShouldContain(a => a.Key == "TEST-SIL:111122223333:202405011005");
    }

    [Fact]
    public void Constructor_TwoSinksWithOneName_Refused() =>
        Should.Throw<ArgumentException>(() => new MonitorRunner(
            new FolderSource("."), new TestDetector(), new InMemoryMonitorState(), [new RecordingSink("x"), new RecordingSink("x")]));

    /// <summary>Two files: e1..e3 then e3 (duplicate), e4, e5; StopLogging on e1, e3, e5.</summary>
    private static string Folder(out List<string> keys)
    {
        var root = CloudTrailFiles.TempFolder();
        keys =
        [
            CloudTrailFiles.Write(root, "20240501T1000Z_a", [
                new TestRecord("e1", "StopLogging", Day),
                new TestRecord("e2", "DescribeTrails", Day.AddMinutes(1)),
                new TestRecord("e3", "StopLogging", Day.AddMinutes(2))]),
            CloudTrailFiles.Write(root, "20240501T1005Z_b", [
                new TestRecord("e3", "StopLogging", Day.AddMinutes(2)),
                new TestRecord("e4", "GetTrailStatus", Day.AddMinutes(6)),
                new TestRecord("e5", "StopLogging", Day.AddMinutes(7))]),
        ];
        return root;
    }
}
