using PciZone.Cli.Tests.Support;
using PciZone.Monitoring.Aws.Tests.Loopback;

namespace PciZone.Cli.Tests.MonitorCmd;

/// <summary>monitor run --queue through the real AWS SDK against the loopback S3 and SQS.</summary>
public sealed class MonitorQueueTests
{
    private const string Bucket = "org-cloudtrail-111122223333";

    private static string Notification(string key) =>
        """
        {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1","eventTime":"2026-11-28T08:20:00.000Z",
          "eventName":"ObjectCreated:Put","userIdentity":{"principalId":"AWS:AROAEXAMPLE"},"requestParameters":{"sourceIPAddress":"203.0.113.5"},
          "responseElements":{"x-amz-request-id":"C3D13FE58DE4C810","x-amz-id-2":"FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"},
          "s3":{"s3SchemaVersion":"1.0","configurationId":"cloudtrail-logs","bucket":{"name":"BUCKET","ownerIdentity":{"principalId":"A3NL1KOZZKExample"},
          "arn":"arn:aws:s3:::BUCKET"},"object":{"key":"KEY","size":1024,"eTag":"d41d8cd98f00b204e9800998ecf8427e","sequencer":"0055AED6DCD90281E5"}}}]}
        """.Replace("BUCKET", Bucket, StringComparison.Ordinal).Replace("KEY", key, StringComparison.Ordinal);

    private static Dictionary<string, string> Env() => new() { ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test" };

    [Fact]
    public async Task RunQueue_NotificationsForLogFiles_RaisesAlertsDeletesMessagesAndDeadLettersPoison()
    {
        await using var aws = new LoopbackAws();
        var queue = aws.CreateQueue("cloudtrail-notifications");
        aws.PutObject(Bucket, CloudTrailFiles.Key(1), CloudTrailFiles.Gzip(CloudTrailFiles.RootLogin("0f5b5c1e-0000-4000-8000-000000000061")));
        aws.PutObject(Bucket, CloudTrailFiles.Key(2), CloudTrailFiles.Gzip(CloudTrailFiles.QuietRead("0f5b5c1e-0000-4000-8000-000000000062")));
        queue.Send(Notification(CloudTrailFiles.Key(1)));
        queue.Send(Notification(CloudTrailFiles.Key(2)));
        queue.Send("this is not an S3 event notification");
        using var dir = new TempDir();

        var r = Pcizone.Run(Env(), "monitor", "run", "--queue", queue.Url, "--endpoint-url", aws.ServiceUrl, "--region", "us-east-1",
            "--store", dir.PathOf("m.db"), "--dead-letter-dir", dir.PathOf("dlq"));

        r.Out.ShouldContain("10.2.1.2");
        r.Out.ShouldContain("arn:aws:iam::111122223333:root");
        r.Error.ShouldContain("2 object(s) read (2 CloudTrail)");
        r.Error.ShouldContain("1 poison message(s)");
        r.ExitCode.ShouldBe(3, r.Error);
        queue.Deleted.Count.ShouldBe(3);
        Directory.GetFiles(dir.PathOf("dlq"), "*.json").Length.ShouldBe(1);
    }
}
