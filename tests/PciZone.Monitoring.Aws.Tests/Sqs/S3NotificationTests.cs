using PciZone.Monitoring.Aws.Sqs;
using PciZone.Monitoring.Aws.Tests.Loopback;

namespace PciZone.Monitoring.Aws.Tests.Sqs;

public sealed class S3NotificationTests
{
    [Fact]
    public void Parse_DocumentedPutEvent_NamesBucketAndKey()
    {
        var result = S3Notification.Parse(Fixtures.Text("notifications/s3-put.json"));

        result.PoisonReason.ShouldBeNull();
        result.Objects.ShouldHaveSingleItem().LogKey.ShouldBe(
            "amzn-s3-demo-bucket/AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/111122223333_CloudTrail_us-east-1_20240501T0005Z_EXAMPLEa1b2c3d4.json.gz");
    }

    [Fact]
    public void Parse_SnsEnvelope_UnwrapsTheNotification()
    {
        var result = S3Notification.Parse(Fixtures.Sns(Fixtures.Notification(Fixtures.LogKey(1))));

        result.PoisonReason.ShouldBeNull();
        result.Objects.ShouldHaveSingleItem().Key.ShouldBe(Fixtures.LogKey(1));
    }

    [Fact]
    public void Parse_TestEvent_DirectOrThroughSns_IsTestEvent()
    {
        var body = Fixtures.Text("notifications/s3-test-event.json");

        S3Notification.Parse(body).IsTestEvent.ShouldBeTrue();
        S3Notification.Parse(Fixtures.Sns(body)).IsTestEvent.ShouldBeTrue();
    }

    [Fact]
    public void Parse_UrlEncodedKey_DecodesPlusAsSpaceAndPercentEscapes()
    {
        var result = S3Notification.Parse(Fixtures.Notification("trail+archive/AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/a%3Db%2Bc.json.gz"));

        result.Objects.ShouldHaveSingleItem().Key.ShouldBe("trail archive/AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/a=b+c.json.gz");
    }

    [Fact]
    public void Parse_DigestForeignKeyAndDeleteEvent_AreSkippedWithReasons()
    {
        var result = S3Notification.Parse(Fixtures.Notification(
            ("ObjectCreated:Put", "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/05/01/111122223333_CloudTrail-Digest_us-east-1_x.json.gz"),
            ("ObjectCreated:Put", "exports/report.csv"),
            ("ObjectRemoved:Delete", Fixtures.LogKey(2)),
            ("ObjectCreated:CompleteMultipartUpload", Fixtures.LogKey(3))));

        result.Objects.ShouldHaveSingleItem().Key.ShouldBe(Fixtures.LogKey(3));
        result.Skipped.Select(s => (s.Index, s.Reason)).ShouldBe(
        [
            (0, "CloudTrail digest file"),
            (1, "not under AWSLogs/"),
            (2, "event ObjectRemoved:Delete is not ObjectCreated"),
        ]);
    }

    [Theory]
    [InlineData("This is a test message", "not JSON")]
    [InlineData("[1,2]", "instead of an object")]
    [InlineData("{\"Records\":\"none\"}", "no Records array")]
    [InlineData("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}]}", "record 0: record without s3.bucket.name")]
    [InlineData("{\"Type\":\"Notification\",\"Message\":\"{not json\"}", "not JSON")]
    [InlineData("", "empty body")]
    public void Parse_BodyThatIsNoS3Notification_IsPoisonWithReason(string body, string reason)
    {
        S3Notification.Parse(body).PoisonReason.ShouldNotBeNull().ShouldContain(reason);
    }
}
