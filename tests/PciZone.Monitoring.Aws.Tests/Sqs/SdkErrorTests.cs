using PciZone.Monitoring.Aws.Tests.Loopback;

namespace PciZone.Monitoring.Aws.Tests.Sqs;

public sealed class SdkErrorTests : IAsyncLifetime
{
    private readonly AwsHarness aws = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => aws.DisposeAsync();

    [Fact]
    public async Task ReadAsync_ReceiveAnswers500Once_TheSdkRetriesAndTheMessageArrives()
    {
        aws.Queue.Send(Fixtures.Notification(aws.PutLog(1)));
        aws.Server.Script((op, _) => op == "ReceiveMessage", SqsJsonHandler.Json(500, Fixtures.Text("sqs/internal-error.json")));

        var deliveries = await AwsHarness.DrainAsync(aws.Source());

        deliveries.ShouldHaveSingleItem();
        aws.Server.Requests.Count(r => r == "ReceiveMessage").ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Open_GetObjectAnswers500Once_TheSdkRetriesAndReadsTheObject()
    {
        var key = aws.PutLog(1);
        aws.Queue.Send(Fixtures.Notification(key));
        aws.Server.Script((op, target) => op == "GetObject" && target.EndsWith(key, StringComparison.Ordinal),
            S3RestHandler.Xml(500, Fixtures.Text("s3/internal-error.xml")));

        var deliveries = await AwsHarness.DrainAsync(aws.Source());

        (await AwsHarness.ReadAllAsync(deliveries.ShouldHaveSingleItem().Objects[0])).ShouldBe(
            Fixtures.LogFile("3038ebd2-c98a-4c65-9b6e-000000000001"));
        aws.Server.Requests.Count(r => r.StartsWith("GetObject", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task Open_GetObjectForbidden_FailsNamingBucketAndKeyAndTheReasonReachesTheDeadLetter()
    {
        var key = aws.PutLog(1);
        aws.Queue.Send(Fixtures.Notification(key));
        aws.Server.Script((op, _) => op == "GetObject", S3RestHandler.Xml(403, Fixtures.Text("s3/access-denied.xml")), times: 10);
        var source = aws.Source(aws.Options with { MaxReceives = 1 });

        string? reason = null;
        await AwsHarness.DrainAsync(source, async delivery =>
        {
            var error = await Should.ThrowAsync<IOException>(() => AwsHarness.ReadAllAsync(delivery.Objects[0]));
            reason = error.Message;
            await delivery.FailAsync(error.Message, TestContext.Current.CancellationToken);
        });

        reason.ShouldBe($"S3 GetObject s3://{Fixtures.Bucket}/{key} failed: 403 AccessDenied: Access Denied");
        aws.Server.Requests.Count(r => r.StartsWith("GetObject", StringComparison.Ordinal)).ShouldBe(1, "403 is not retried");
        aws.DeadLetters.Messages.ShouldHaveSingleItem().Attributes["PciZone.DeadLetterReason"].Value.ShouldContain(key);
    }

    [Fact]
    public async Task CompleteAsync_AfterAnotherConsumerTookTheMessage_IsRecordedNotThrown()
    {
        var id = aws.Queue.Send(Fixtures.Notification(aws.PutLog(1)));
        var source = aws.Source();

        await AwsHarness.DrainAsync(source, async delivery =>
        {
            // Simulates a stalled consumer: the message times out and is received elsewhere before Complete.
            aws.Queue.Expire(id);
            (await aws.Queue.ReceiveAsync(1, 30, 0, TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
            await delivery.CompleteAsync(TestContext.Current.CancellationToken);
        });

        aws.Queue.Messages.ShouldHaveSingleItem().Id.ShouldBe(id);
        source.Counters.Problems.ShouldContain(p => p.ObjectKey == "sqs:" + id && p.Message.Contains("ReceiptHandleIsInvalid"));
    }
}
