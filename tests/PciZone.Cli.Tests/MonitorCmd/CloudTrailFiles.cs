using System.IO.Compression;
using System.Text;

namespace PciZone.Cli.Tests.MonitorCmd;

/// <summary>CloudTrail log files in the documented record format, written gzip into the AWSLogs key layout.</summary>
internal static class CloudTrailFiles
{
    public const string Account = "111122223333";

    public static string Key(int n) =>
        $"AWSLogs/{Account}/CloudTrail/us-east-1/2026/11/28/{Account}_CloudTrail_us-east-1_20261128T{n:0000}Z_abc{n:000}.json.gz";

    /// <summary>A root console login without MFA (raises the root and the no-MFA rules).</summary>
    public static string RootLogin(string eventId, string time = "2026-11-28T08:15:00Z") =>
        $$"""
        {"eventVersion":"1.08","userIdentity":{"type":"Root","principalId":"{{Account}}","arn":"arn:aws:iam::{{Account}}:root","accountId":"{{Account}}"},
         "eventTime":"{{time}}","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1",
         "sourceIPAddress":"203.0.113.10","userAgent":"Mozilla/5.0","requestParameters":null,
         "responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"LoginTo":"https://console.aws.amazon.com/","MobileVersion":"No","MFAUsed":"No"},
         "eventID":"{{eventId}}","readOnly":false,"eventType":"AwsConsoleSignIn","managementEvent":true,"recipientAccountId":"{{Account}}","eventCategory":"Management"}
        """;

    /// <summary>A role reading an object of an ordinary bucket: no rule should fire.</summary>
    public static string QuietRead(string eventId, string time = "2026-11-28T08:16:00Z") =>
        $$"""
        {"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:app","arn":"arn:aws:sts::{{Account}}:assumed-role/app/app","accountId":"{{Account}}"},
         "eventTime":"{{time}}","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1",
         "sourceIPAddress":"198.51.100.7","userAgent":"aws-sdk-dotnet","requestParameters":{"bucketName":"static-assets-example","key":"logo.png"},
         "responseElements":null,"eventID":"{{eventId}}","readOnly":true,"eventType":"AwsApiCall","managementEvent":false,"recipientAccountId":"{{Account}}","eventCategory":"Data"}
        """;

    public static byte[] Gzip(params string[] records)
    {
        var json = "{\"Records\":[" + string.Join(",", records) + "]}";
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return buffer.ToArray();
    }

    public static string WriteFile(string root, int n, params string[] records)
    {
        var path = Path.Combine(root, Key(n));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Gzip(records));
        return path;
    }
}
