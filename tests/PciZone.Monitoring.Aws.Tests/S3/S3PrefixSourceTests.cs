using PciZone.Monitoring.Aws.Tests.Loopback;

namespace PciZone.Monitoring.Aws.Tests.S3;

public sealed class S3PrefixSourceTests : IAsyncLifetime
{
    private readonly AwsHarness aws = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => aws.DisposeAsync();

    [Fact]
    public async Task ReadAsync_ManyPages_FollowsContinuationTokensInKeyOrder()
    {
        // Put in scrambled order: the listing, not the insertion, decides the order.
        var keys = new[] { 9, 2, 7, 1, 5, 3, 8, 4, 6 }.Select(aws.PutLog).ToList();
        aws.Server.PutObject(Fixtures.Bucket, "AWSLogs/111122223333/CloudTrail/us-west-2/2024/05/01/other-prefix.json.gz", [1]);
        var source = new S3PrefixSource(aws.S3, new S3PrefixSourceOptions(Fixtures.Bucket, Fixtures.Prefix) { PageSize = 2 });

        var deliveries = await AwsHarness.DrainAsync(source);

        deliveries.Select(d => d.Objects.ShouldHaveSingleItem().Key).ShouldBe(
            keys.Order(StringComparer.Ordinal).Select(k => Fixtures.Bucket + "/" + k));
        aws.Server.Requests.Count(r => r.StartsWith("ListObjectsV2", StringComparison.Ordinal)).ShouldBe(5);
        (await AwsHarness.ReadAllAsync(deliveries[0].Objects[0])).ShouldBe(Fixtures.LogFile("3038ebd2-c98a-4c65-9b6e-000000000001"));
    }

    [Fact]
    public async Task ReadAsync_DigestsAndForeignKeys_AreSkippedAndCounted()
    {
        var log = aws.PutLog(1);
        aws.Server.PutObject(Fixtures.Bucket, "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/05/01/111122223333_CloudTrail-Digest_us-east-1_x.json.gz", [1]);
        aws.Server.PutObject(Fixtures.Bucket, "exports/report.csv", [1]);
        var source = new S3PrefixSource(aws.S3, new S3PrefixSourceOptions(Fixtures.Bucket, string.Empty));

        var deliveries = await AwsHarness.DrainAsync(source);

        deliveries.ShouldHaveSingleItem().Objects.ShouldHaveSingleItem().Key.ShouldBe(Fixtures.Bucket + "/" + log);
        source.Counters.SkippedKeys.ShouldBe(2);
        source.Counters.Problems.Select(p => p.Message).ShouldBe(["skipped: CloudTrail digest file", "skipped: not under AWSLogs/"]);
    }

    [Fact]
    public async Task ReadAsync_StartAfter_ResumesAfterTheKey()
    {
        var keys = Enumerable.Range(1, 4).Select(aws.PutLog).ToList();
        var source = new S3PrefixSource(aws.S3, new S3PrefixSourceOptions(Fixtures.Bucket, Fixtures.Prefix) { StartAfter = keys[1] });

        var deliveries = await AwsHarness.DrainAsync(source);

        deliveries.Select(d => d.Objects[0].Key).ShouldBe([Fixtures.Bucket + "/" + keys[2], Fixtures.Bucket + "/" + keys[3]]);
    }

    [Fact]
    public async Task ReadAsync_ListingOutOfOrder_FailsNamingTheKeys()
    {
        var listing = Fixtures.Text("s3/list-objects-v2-truncated.xml")
            .Replace("<IsTruncated>true</IsTruncated>", "<IsTruncated>false</IsTruncated>", StringComparison.Ordinal)
            .Replace("happyface.jpg", "AWSLogs/b.json.gz", StringComparison.Ordinal)
            .Replace("my-image.jpg", "AWSLogs/a.json.gz", StringComparison.Ordinal);
        aws.Server.Script((op, _) => op == "ListObjectsV2", S3RestHandler.Xml(200, listing));
        var source = new S3PrefixSource(aws.S3, new S3PrefixSourceOptions(Fixtures.Bucket, string.Empty));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => AwsHarness.DrainAsync(source));

        error.Message.ShouldContain("AWSLogs/a.json.gz after AWSLogs/b.json.gz");
    }
}
