using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace PciZone.Monitoring.Aws.Tests.Loopback;

/// <summary>Reads the documentation fixtures and builds notification messages from them.</summary>
internal static class Fixtures
{
    public const string Bucket = "amzn-s3-demo-bucket";
    public const string Prefix = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/";

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>A CloudTrail log key as CloudTrail names them.</summary>
    public static string LogKey(int n) => $"{Prefix}111122223333_CloudTrail_us-east-1_20240501T{n / 60:00}{n % 60:00}Z_EXAMPLE{n:0000}.json.gz";

    /// <summary>The documented S3 event message with one record per (eventName, raw key) pair.</summary>
    public static string Notification(params (string EventName, string RawKey)[] records)
    {
        var template = JsonNode.Parse(Text("notifications/s3-put.json"))!;
        var record = template["Records"]![0]!;
        var list = new JsonArray();
        foreach (var (eventName, rawKey) in records)
        {
            var copy = record.DeepClone();
            copy["eventName"] = eventName;
            copy["s3"]!["object"]!["key"] = rawKey;
            list.Add(copy);
        }

        template["Records"] = list;
        return template.ToJsonString();
    }

    public static string Notification(params string[] rawKeys) =>
        Notification(rawKeys.Select(k => ("ObjectCreated:Put", k)).ToArray());

    public static string Sns(string message)
    {
        var envelope = JsonNode.Parse(Text("notifications/sns-envelope.json"))!;
        envelope["Message"] = message;
        return envelope.ToJsonString();
    }

    /// <summary>A gzip CloudTrail log file with one documented-shape record.</summary>
    public static byte[] LogFile(string eventId)
    {
        var json = "{\"Records\":[{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":\"111122223333\"},"
                   + "\"eventTime\":\"2024-05-01T00:01:00Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\","
                   + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.7\",\"eventID\":\"" + eventId + "\"}]}";
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return buffer.ToArray();
    }
}
