using System.Collections.Concurrent;
using PciZone.Monitoring.Aws.Tests.Loopback;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Monitoring.Aws.Tests.Sqs;

public sealed class CompetingConsumerTests : IAsyncLifetime
{
    private readonly AwsHarness aws = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => aws.DisposeAsync();

    [Fact]
    public async Task Heartbeat_SlowConsumer_KeepsTheMessageFromASecondConsumer()
    {
        var id = aws.Queue.Send(Fixtures.Notification(aws.PutLog(1)));
        var slowOptions = aws.Options with { VisibilityTimeout = TimeSpan.FromSeconds(3), HeartbeatFraction = 0.3 };
        var slow = aws.Source(slowOptions);
        var other = aws.Source(aws.Options with { Follow = true, WaitTime = TimeSpan.FromSeconds(1) });
        using var stopOther = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var stolen = new ConcurrentBag<string>();
        var otherReading = Task.CompletedTask;

        // The second consumer starts polling once the first holds the message, and keeps polling for more
        // than two visibility timeouts while the first works on it.
        await AwsHarness.DrainAsync(slow, async delivery =>
        {
            otherReading = Task.Run(async () =>
            {
                try
                {
                    await foreach (var stolenDelivery in other.ReadAsync(stopOther.Token))
                    {
                        stolen.Add(stolenDelivery.Objects[0].Key);
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }, TestContext.Current.CancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(7), TestContext.Current.CancellationToken);
            await delivery.CompleteAsync(TestContext.Current.CancellationToken);
        });
        await stopOther.CancelAsync();
        await otherReading;

        stolen.ShouldBeEmpty();
        aws.Queue.Deleted.ShouldBe([id]);
        slow.Counters.Heartbeats.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task TwoConsumers_OneQueue_CompleteEveryMessageExactlyOnce()
    {
        const int count = 40;
        var sent = Enumerable.Range(1, count).Select(n => aws.Queue.Send(Fixtures.Notification(aws.PutLog(n)))).ToList();
        var options = aws.Options with { MaxMessages = 3, WaitTime = TimeSpan.FromSeconds(1), VisibilityTimeout = TimeSpan.FromSeconds(10) };
        var completed = new ConcurrentQueue<(string Consumer, string Key)>();
        var failedOnce = new ConcurrentDictionary<string, bool>();

        // Every seventh object fails on its first attempt and comes back, possibly to the other consumer.
        async Task ConsumeAsync(string name, SqsS3Source source)
        {
            await foreach (var delivery in source.ReadAsync(TestContext.Current.CancellationToken))
            {
                var logObject = delivery.Objects.ShouldHaveSingleItem();
                (await AwsHarness.ReadAllAsync(logObject)).Length.ShouldBeGreaterThan(0);
                var n = int.Parse(logObject.Key[^12..^8], System.Globalization.CultureInfo.InvariantCulture);
                if (n % 7 == 0 && failedOnce.TryAdd(logObject.Key, true))
                {
                    await delivery.FailAsync("first attempt fails", TestContext.Current.CancellationToken);
                    continue;
                }

                await Task.Delay(Random.Shared.Next(5, 30), TestContext.Current.CancellationToken);
                await delivery.CompleteAsync(TestContext.Current.CancellationToken);
                completed.Enqueue((name, logObject.Key));
            }
        }

        var first = aws.Source(options);
        var second = aws.Source(options);
        await Task.WhenAll(
            Task.Run(() => ConsumeAsync("first", first), TestContext.Current.CancellationToken),
            Task.Run(() => ConsumeAsync("second", second), TestContext.Current.CancellationToken));

        completed.Select(c => c.Key).Order(StringComparer.Ordinal).ShouldBe(
            Enumerable.Range(1, count).Select(n => Fixtures.Bucket + "/" + Fixtures.LogKey(n)).Order(StringComparer.Ordinal));
        aws.Queue.Deleted.Order(StringComparer.Ordinal).ShouldBe(sent.Order(StringComparer.Ordinal));
        aws.Queue.Messages.ShouldBeEmpty();
        aws.DeadLetters.Messages.ShouldBeEmpty();
        completed.Select(c => c.Consumer).Distinct().Count().ShouldBe(2, "both consumers should share the work");
        (first.Counters.Retried + second.Counters.Retried).ShouldBe(count / 7);
    }
}
