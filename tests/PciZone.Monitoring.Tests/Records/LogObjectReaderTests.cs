using System.Text;
using PciZone.Monitoring.Pipeline;
using PciZone.Monitoring.Tests.Support;

namespace PciZone.Monitoring.Tests.Records;

public sealed class LogObjectReaderTests
{
    private static readonly string AnyEvent = TestKit.Rule("selection:\n  eventName|exists: true\ncondition: selection");

    private static (ObjectResult Result, int Alerts) Read(byte[] content, string key = "AWSLogs/111122223333/CloudTrail/eu-west-1/2024/05/01/x.json.gz")
    {
        var (result, alerts) = TestKit.Run(TestKit.Detector(AnyEvent), content, key);
        return (result, alerts.Count);
    }

    [Fact]
    public void Process_Gzip_ReadsEveryRecord()
    {
        var (result, alerts) = Read(TestKit.Gzip(TestKit.File(TestKit.Record(), TestKit.Record(), TestKit.Record())));
        result.Kind.ShouldBe(ObjectKind.CloudTrail);
        result.Records.ShouldBe(3);
        alerts.ShouldBe(3);
        result.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Process_PlainJson_ReadsEveryRecord()
    {
        var (result, alerts) = Read(TestKit.File(TestKit.Record(), TestKit.Record()));
        result.Kind.ShouldBe(ObjectKind.CloudTrail);
        alerts.ShouldBe(2);
    }

    [Fact]
    public void Process_LargeGzip_GrowsTheBuffer()
    {
        var records = Enumerable.Range(0, 3000).Select(_ => TestKit.Record()).ToArray();
        var (result, alerts) = Read(TestKit.Gzip(TestKit.File(records)));
        result.Records.ShouldBe(3000);
        alerts.ShouldBe(3000);
    }

    [Fact]
    public void Process_EmptyRecords_IsCloudTrailWithNothing() =>
        Read("""{"Records":[]}"""u8.ToArray()).Result.ShouldBe(new ObjectResult(ObjectKind.CloudTrail, 0, 0, 0, []), new ResultComparer());

    [Fact]
    public void Process_DigestByKey_IsSkippedUnread()
    {
        var (result, alerts) = Read(TestKit.File(TestKit.Record()), "AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2024/05/01/x.json.gz");
        result.Kind.ShouldBe(ObjectKind.Digest);
        alerts.ShouldBe(0);
    }

    [Fact]
    public void Process_DigestByContent_IsDigest()
    {
        var digest = """{"awsAccountId":"111122223333","digestStartTime":"2024-05-01T10:00:00Z","digestEndTime":"2024-05-01T11:00:00Z","digestPublicKeyFingerprint":"abc","logFiles":[]}""";
        Read(TestKit.Gzip(Encoding.UTF8.GetBytes(digest))).Result.Kind.ShouldBe(ObjectKind.Digest);
    }

    [Theory]
    [InlineData("""{"Type":"Notification","Message":"hello"}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""hello world""")]
    [InlineData("")]
    [InlineData("""{"Records":"not a list"}""")]
    public void Process_OtherContent_IsNotCloudTrail(string text)
    {
        var (result, alerts) = Read(Encoding.UTF8.GetBytes(text));
        result.Kind.ShouldBe(ObjectKind.NotCloudTrail);
        alerts.ShouldBe(0);
    }

    [Fact]
    public void Process_TruncatedGzip_KeepsRecordsBeforeTheCut()
    {
        var records = Enumerable.Range(0, 200).Select(_ => TestKit.Record()).ToArray();
        var gz = TestKit.Gzip(TestKit.File(records));
        var (result, alerts) = Read(gz[..(gz.Length / 2)], "k/x.json.gz");
        result.Kind.ShouldBe(ObjectKind.Corrupt);
        result.Records.ShouldBeGreaterThan(0);
        result.Records.ShouldBeLessThan(200);
        alerts.ShouldBe((int)result.Records);
        result.Problems.ShouldNotBeEmpty();
        result.Problems.ShouldAllBe(p => p.ObjectKey == "k/x.json.gz");
    }

    [Fact]
    public void Process_GzipMissingTrailer_IsCorrupt()
    {
        var gz = TestKit.Gzip(TestKit.File(TestKit.Record(), TestKit.Record()));
        var (result, _) = Read(gz[..^4]);
        result.Kind.ShouldBe(ObjectKind.Corrupt);
    }

    [Fact]
    public void Process_MalformedJson_KeepsEarlierRecordsAndNamesThePosition()
    {
        var text = "{\"Records\":[" + TestKit.Record() + "," + TestKit.Record() + ",{\"eventID\": oops}]}";
        var (result, alerts) = Read(Encoding.UTF8.GetBytes(text), "k/bad.json");
        result.Kind.ShouldBe(ObjectKind.Corrupt);
        result.Records.ShouldBe(2);
        alerts.ShouldBe(2);
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.ObjectKey.ShouldBe("k/bad.json");
        problem.Position.ShouldStartWith("record 2, byte ");
    }

    [Fact]
    public void Process_TruncatedJson_IsCorrupt()
    {
        var text = "{\"Records\":[" + TestKit.Record() + "," + TestKit.Record();
        var (result, alerts) = Read(Encoding.UTF8.GetBytes(text[..^10]));
        result.Kind.ShouldBe(ObjectKind.Corrupt);
        alerts.ShouldBe(1);
    }

    [Theory]
    [InlineData("eventID")]
    [InlineData("eventName")]
    [InlineData("eventSource")]
    [InlineData("eventTime")]
    public void Process_RecordMissingRequiredField_IsSkippedAndCounted(string field)
    {
        var broken = TestKit.Record(extra: $$"""{"{{field}}": null}""");
        var (result, alerts) = Read(TestKit.File(TestKit.Record(), broken, TestKit.Record()));
        result.Kind.ShouldBe(ObjectKind.CloudTrail);
        result.Skipped.ShouldBe(1);
        result.Records.ShouldBe(2);
        alerts.ShouldBe(2);
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Position.ShouldBe("record 1");
        problem.Message.ShouldContain(field);
    }

    [Fact]
    public void Process_BadEventTime_IsSkipped()
    {
        var (result, _) = Read(TestKit.File(TestKit.Record(time: "yesterday")));
        result.Skipped.ShouldBe(1);
        result.Problems.ShouldHaveSingleItem().Message.ShouldContain("eventTime");
    }

    [Fact]
    public void Process_RecordThatIsNotAnObject_IsReported()
    {
        var (result, alerts) = Read(Encoding.UTF8.GetBytes("{\"Records\":[42," + TestKit.Record() + "]}"));
        alerts.ShouldBe(1);
        result.Problems.ShouldHaveSingleItem().Position.ShouldBe("record 0");
    }

    [Fact]
    public void Process_ManyBadRecords_ListsAHundredProblemsAndCountsTheRest()
    {
        var records = Enumerable.Range(0, 150).Select(_ => TestKit.Record(extra: """{"eventID": null}""")).ToArray();
        var (result, _) = Read(TestKit.File(records));
        result.Skipped.ShouldBe(150);
        result.Problems.Count.ShouldBe(101);
        result.Problems[^1].Message.ShouldContain("50 more");
    }

    [Fact]
    public void Process_FractionalEventTime_IsAccepted() =>
        Read(TestKit.File(TestKit.Record(time: "2024-05-01T10:00:00.123Z"))).Alerts.ShouldBe(1);

    private sealed class ResultComparer : IEqualityComparer<ObjectResult>
    {
        public bool Equals(ObjectResult? x, ObjectResult? y) =>
            x!.Kind == y!.Kind && x.Records == y.Records && x.Duplicates == y.Duplicates && x.Skipped == y.Skipped && x.Problems.Count == y.Problems.Count;

        public int GetHashCode(ObjectResult obj) => 0;
    }
}
