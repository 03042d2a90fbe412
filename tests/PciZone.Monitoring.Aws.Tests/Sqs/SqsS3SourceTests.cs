using PciZone.Monitoring.Aws.Tests.Loopback;

namespace PciZone.Monitoring.Aws.Tests.Sqs;

public sealed class SqsS3SourceTests : IAsyncLifetime
{
    private readonly AwsHarness aws = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => aws.DisposeAsync();

    [Fact]
    public async Task ReadAsync_Notification_YieldsObjectsAndCompleteDeletesTheMessage()
    {
        var first = aws.PutLog(1);
        var second = aws.PutLog(2);
        var id = aws.Queue.Send(Fixtures.Notification(first, second));
        var source = aws.Source();

        var contents = new List<byte[]>();
        var deliveries = await AwsHarness.DrainAsync(source, async delivery =>
        {
            foreach (var logObject in delivery.Objects)
            {
                contents.Add(await AwsHarness.ReadAllAsync(logObject));
            }

            await delivery.CompleteAsync(TestContext.Current.CancellationToken);
        });

        deliveries.ShouldHaveSingleItem().Objects.Select(o => o.Key).ShouldBe([Fixtures.Bucket + "/" + first, Fixtures.Bucket + "/" + second]);
        contents.ShouldBe([Fixtures.LogFile("3038ebd2-c98a-4c65-9b6e-000000000001"), Fixtures.LogFile("3038ebd2-c98a-4c65-9b6e-000000000002")]);
        aws.Queue.Deleted.ShouldBe([id]);
        aws.Queue.Messages.ShouldBeEmpty();
        source.Counters.Objects.ShouldBe(2);
    }

    [Fact]
    public async Task ReadAsync_DeliveryNotCompleted_MessageStaysOnTheQueue()
    {
        aws.Queue.Send(Fixtures.Notification(aws.PutLog(1)));

        var deliveries = await AwsHarness.DrainAsync(aws.Source());

        deliveries.ShouldHaveSingleItem();
        aws.Queue.Deleted.ShouldBeEmpty();
        aws.Queue.Messages.ShouldHaveSingleItem().ReceiveCount.ShouldBe(1);
    }

    [Fact]
    public async Task ReadAsync_SnsWrappedNotification_YieldsTheObject()
    {
        var key = aws.PutLog(3);
        aws.Queue.Send(Fixtures.Sns(Fixtures.Notification(key)));

        var deliveries = await AwsHarness.DrainAsync(aws.Source());

        var logObject = deliveries.ShouldHaveSingleItem().Objects.ShouldHaveSingleItem();
        logObject.Key.ShouldBe(Fixtures.Bucket + "/" + key);
        (await AwsHarness.ReadAllAsync(logObject)).ShouldBe(Fixtures.LogFile("3038ebd2-c98a-4c65-9b6e-000000000003"));
    }

    [Fact]
    public async Task ReadAsync_TestEvent_IsAcknowledgedAndNotYielded()
    {
        var id = aws.Queue.Send(Fixtures.Text("notifications/s3-test-event.json"));
        var source = aws.Source();

        var deliveries = await AwsHarness.DrainAsync(source);

        deliveries.ShouldBeEmpty();
        aws.Queue.Deleted.ShouldBe([id]);
        source.Counters.TestEvents.ShouldBe(1);
        aws.DeadLetters.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadAsync_UrlEncodedKey_OpensTheDecodedObject()
    {
        const string key = "org trail/AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/log=1+2.json.gz";
        aws.Server.PutObject(Fixtures.Bucket, key, [1, 2, 3]);
        aws.Queue.Send(Fixtures.Notification("org+trail/AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/log%3D1%2B2.json.gz"));

        var deliveries = await AwsHarness.DrainAsync(aws.Source());

        var logObject = deliveries.ShouldHaveSingleItem().Objects.ShouldHaveSingleItem();
        logObject.Key.ShouldBe(Fixtures.Bucket + "/" + key);
        (await AwsHarness.ReadAllAsync(logObject)).ShouldBe(new byte[] { 1, 2, 3 });
    }

    [Fact]
    public async Task ReadAsync_DigestAndForeignKeys_AreSkippedAndCounted()
    {
        var key = aws.PutLog(4);
        const string digest = "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/05/01/111122223333_CloudTrail-Digest_us-east-1_x.json.gz";
        aws.Queue.Send(Fixtures.Notification(digest, "exports/report.csv", key));
        var onlySkipped = aws.Queue.Send(Fixtures.Notification(digest));
        var source = aws.Source();

        var deliveries = await AwsHarness.DrainAsync(source);

        deliveries.ShouldHaveSingleItem().Objects.ShouldHaveSingleItem().Key.ShouldBe(Fixtures.Bucket + "/" + key);
        source.Counters.SkippedKeys.ShouldBe(3);
        source.Counters.Problems.Select(p => p.ObjectKey).ShouldContain(Fixtures.Bucket + "/" + digest);
        source.Counters.Problems.Select(p => p.ObjectKey).ShouldContain(Fixtures.Bucket + "/exports/report.csv");
        aws.Queue.Deleted.ShouldBe([onlySkipped]);
    }

    [Fact]
    public async Task ReadAsync_Follow_KeepsPollingUntilCancelled()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var source = aws.Source(aws.Options with { Follow = true, WaitTime = TimeSpan.FromSeconds(1) });
        var received = new List<string>();
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var delivery in source.ReadAsync(cancellation.Token))
                {
                    received.Add(delivery.Objects[0].Key);
                    await delivery.CompleteAsync(cancellation.Token);
                    await cancellation.CancelAsync();
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, TestContext.Current.CancellationToken);

        await Task.Delay(1500, TestContext.Current.CancellationToken);
        aws.Queue.Send(Fixtures.Notification(aws.PutLog(5)));
        await reading.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        received.ShouldBe([Fixtures.Bucket + "/" + Fixtures.LogKey(5)]);
    }

    [Fact]
    public async Task ReadAsync_StoppedMidBatch_GivesTheUnreadMessagesStraightBack()
    {
        for (var n = 1; n <= 3; n++)
        {
            aws.Queue.Send(Fixtures.Notification(aws.PutLog(n)));
        }

        var source = aws.Source(aws.Options with { MaxMessages = 3 });
        await foreach (var delivery in source.ReadAsync(TestContext.Current.CancellationToken))
        {
            await delivery.CompleteAsync(TestContext.Current.CancellationToken);
            break;
        }

        var now = TimeProvider.System.GetUtcNow();
        var left = aws.Queue.Messages;
        left.Count.ShouldBe(2);
        left.ShouldAllBe(m => m.ReceiveCount == 1 && m.VisibleAt <= now);
    }

    [Fact]
    public async Task Open_ReadSynchronously_AsTheDetectorDoes_ReturnsTheObject()
    {
        var key = aws.PutLog(6);
        aws.Queue.Send(Fixtures.Notification(key));

        var deliveries = await AwsHarness.DrainAsync(aws.Source());

        var stream = await deliveries.ShouldHaveSingleItem().Objects[0].Open(TestContext.Current.CancellationToken);
        using var copy = new MemoryStream();
        using (stream)
        {
            stream.CopyTo(copy);
        }

        copy.ToArray().ShouldBe(Fixtures.LogFile("3038ebd2-c98a-4c65-9b6e-000000000006"));
    }
}
