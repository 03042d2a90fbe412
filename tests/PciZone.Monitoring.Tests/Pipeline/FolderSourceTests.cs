using PciZone.Monitoring.Pipeline;
using PciZone.Monitoring.Tests.Pipeline.TestSupport;

namespace PciZone.Monitoring.Tests.Pipeline;

public sealed class FolderSourceTests
{
    [Fact]
    public async Task ReadAsync_OnePass_YieldsFilesInOrdinalPathOrderWithSlashKeys()
    {
        var root = CloudTrailFiles.TempFolder();
        var day2 = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/02/f.json.gz";
        var day1 = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/f.json.gz";
        var west = "AWSLogs/111122223333/CloudTrail/eu-west-1/2024/05/03/f.json.gz";
        foreach (var key in new[] { day2, west, day1 })
        {
            CloudTrailFiles.WriteGzip(Path.Combine(root, key), "{\"Records\":[]}");
        }

        var keys = await Keys(new FolderSource(root));

        keys.ShouldBe([west, day1, day2]);
    }

    [Fact]
    public async Task ReadAsync_DigestAndPartialFiles_AreSkippedAndCounted()
    {
        var root = CloudTrailFiles.TempFolder();
        CloudTrailFiles.WriteGzip(Path.Combine(root, "AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/a.json.gz"), "{}");
        CloudTrailFiles.WriteGzip(Path.Combine(root, "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/05/01/d.json.gz"), "{}");
        CloudTrailFiles.WriteGzip(Path.Combine(root, "AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/b.json.gz.tmp"), "{}");
        var source = new FolderSource(root);

        var keys = await Keys(source);

        keys.ShouldBe(["AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/a.json.gz"]);
        source.DigestFilesSkipped.ShouldBe(1);
        source.PartialFilesSkipped.ShouldBe(1);
    }

    [Fact]
    public async Task ReadAsync_OpenedObject_ReadsTheFileBytes()
    {
        var root = CloudTrailFiles.TempFolder();
        await File.WriteAllTextAsync(Path.Combine(root, "plain.json"), "{\"Records\":[]}", TestContext.Current.CancellationToken);

        await foreach (var delivery in new FolderSource(root).ReadAsync(TestContext.Current.CancellationToken))
        {
            await using var stream = await delivery.Objects.Single().Open(TestContext.Current.CancellationToken);
            (await new StreamReader(stream).ReadToEndAsync(TestContext.Current.CancellationToken)).ShouldBe("{\"Records\":[]}");
        }
    }

    [Fact]
    public async Task FailAsync_RecordsTheFailure()
    {
        var root = CloudTrailFiles.TempFolder();
        await File.WriteAllTextAsync(Path.Combine(root, "a.json"), "{}", TestContext.Current.CancellationToken);
        var source = new FolderSource(root);

        await foreach (var delivery in source.ReadAsync(TestContext.Current.CancellationToken))
        {
            await delivery.FailAsync("broken", TestContext.Current.CancellationToken);
        }

        source.Failures.ShouldBe([new FolderFailure("a.json", "broken")]);
    }

    [Fact]
    public async Task ReadAsync_Follow_PicksUpANewFileOnceItStopsChanging()
    {
        var root = CloudTrailFiles.TempFolder();
        await File.WriteAllTextAsync(Path.Combine(root, "a.json"), "{}", TestContext.Current.CancellationToken);
        var growing = Path.Combine(root, "b.json");
        // Each poll's wait lets the test change the folder, so the polls see exactly these steps.
        var time = new SteppingTimeProvider(poll =>
        {
            switch (poll)
            {
                case 2:
                    File.WriteAllText(Path.Combine(root, "c.json.part"), "{");
                    File.WriteAllText(growing, "{");
                    break;
                case 3:
                    File.AppendAllText(growing, "  ");
                    break;
                case 4:
                    File.AppendAllText(growing, "}");
                    break;
            }
        });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(20));
        var source = new FolderSource(root, new FolderSourceOptions { Follow = true, PollInterval = TimeSpan.FromSeconds(5) }, time);
        var keys = new List<string>();

        await foreach (var delivery in source.ReadAsync(cts.Token))
        {
            keys.Add(delivery.Objects.Single().Key);
            if (keys.Count == 2)
            {
                (await File.ReadAllTextAsync(growing, cts.Token)).ShouldBe("{  }");
                await cts.CancelAsync();
            }
        }

        keys.ShouldBe(["a.json", "b.json"]);
        time.Polls.ShouldBe(5);
        source.PartialFilesSkipped.ShouldBe(1);
    }

    /// <summary>Runs a step when each wait starts (1-based), then ends the wait at once.</summary>
    private sealed class SteppingTimeProvider(Action<int> step) : TimeProvider
    {
        public int Polls { get; private set; }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Polls++;
            step(Polls);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return TimerCallbackNoop.Instance;
        }

        private sealed class TimerCallbackNoop : ITimer
        {
            public static readonly TimerCallbackNoop Instance = new();

            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose() { }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task ReadAsync_MissingFolder_Throws()
    {
        var source = new FolderSource(Path.Combine(CloudTrailFiles.TempFolder(), "absent"));

        await Should.ThrowAsync<DirectoryNotFoundException>(() => Keys(source));
    }

    private static async Task<List<string>> Keys(FolderSource source)
    {
        var keys = new List<string>();
        await foreach (var delivery in source.ReadAsync(TestContext.Current.CancellationToken))
        {
            keys.AddRange(delivery.Objects.Select(o => o.Key));
        }

        return keys;
    }
}
