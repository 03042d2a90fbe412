using Amazon.S3.Model;
using Amazon.SQS.Model;

namespace PciZone.Monitoring.Aws.Tests.Loopback;

/// <summary>The SDK reads the documentation's literal bodies exactly as it reads the loopback's own answers.</summary>
public sealed class LoopbackFixtureTests : IAsyncLifetime
{
    private readonly AwsHarness aws = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => aws.DisposeAsync();

    [Fact]
    public async Task ReceiveMessage_DocumentedResponse_IsParsedAndItsMd5Accepted()
    {
        aws.Server.Script((op, _) => op == "ReceiveMessage", SqsJsonHandler.Json(200, Fixtures.Text("sqs/receive-message.json")));

        var response = await aws.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = aws.Queue.Url, MessageSystemAttributeNames = ["ApproximateReceiveCount"],
        }, TestContext.Current.CancellationToken);

        var message = response.Messages.ShouldHaveSingleItem();
        message.Body.ShouldBe("This is a test message");
        message.MessageId.ShouldBe("219f8380-5770-4cc2-8c3e-5c715e145f5e");
        message.Attributes["ApproximateReceiveCount"].ShouldBe("1");
    }

    [Fact]
    public async Task ReceiveMessage_LoopbackResponse_HasTheDocumentedFields()
    {
        aws.Queue.Send("hello");

        var response = await aws.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = aws.Queue.Url, MessageSystemAttributeNames = ["All"],
        }, TestContext.Current.CancellationToken);

        var message = response.Messages.ShouldHaveSingleItem();
        message.Attributes.Keys.Order(StringComparer.Ordinal).ShouldBe(
            ["ApproximateFirstReceiveTimestamp", "ApproximateReceiveCount", "SenderId", "SentTimestamp"]);
        message.MD5OfBody.ShouldBe(SqsMd5.OfBody("hello"));
        message.ReceiptHandle.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task ListObjectsV2_DocumentedResponse_IsParsedWithItsContinuationToken()
    {
        aws.Server.Script((op, _) => op == "ListObjectsV2", S3RestHandler.Xml(200, Fixtures.Text("s3/list-objects-v2-truncated.xml")));

        var page = await aws.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Fixtures.Bucket }, TestContext.Current.CancellationToken);

        page.IsTruncated.ShouldBe(true);
        page.NextContinuationToken.ShouldBe("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=");
        page.S3Objects.Select(o => (o.Key, o.Size)).ShouldBe([("happyface.jpg", 11L), ("my-image.jpg", 434234L)]);
    }

    [Fact]
    public async Task ListObjectsV2_LoopbackResponse_CarriesTheSameFields()
    {
        aws.PutLog(1);
        aws.PutLog(2);

        var page = await aws.S3.ListObjectsV2Async(
            new ListObjectsV2Request { BucketName = Fixtures.Bucket, MaxKeys = 1 }, TestContext.Current.CancellationToken);

        page.IsTruncated.ShouldBe(true);
        page.NextContinuationToken.ShouldNotBeNullOrEmpty();
        page.KeyCount.ShouldBe(1);
        page.S3Objects.ShouldHaveSingleItem().Key.ShouldBe(Fixtures.LogKey(1));
    }
}
