using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace PciZone.Monitoring.Tests.Pipeline.TestSupport;

/// <summary>One CloudTrail record as the tests need it; the JSON follows AWS's documented record format.</summary>
internal sealed record TestRecord(
    string EventId, string EventName, DateTimeOffset EventTime, string UserName = "Alice",
    string Account = "111122223333", string Region = "us-east-1", string SourceIp = "192.0.2.10");

/// <summary>Writes gzip CloudTrail log files in the S3 key layout, one record per line.</summary>
internal static class CloudTrailFiles
{
    public static string RecordJson(TestRecord r)
    {
        var record = new Dictionary<string, object?>
        {
            ["eventVersion"] = "1.08",
            ["userIdentity"] = new Dictionary<string, object?>
            {
                ["type"] = "IAMUser",
                ["principalId"] = "AIDACKCEVSQ6C2EXAMPLE",
                ["arn"] = $"arn:aws:iam::{r.Account}:user/{r.UserName}",
                ["accountId"] = r.Account,
                ["userName"] = r.UserName,
            },
            ["eventTime"] = r.EventTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["eventSource"] = "cloudtrail.amazonaws.com",
            ["eventName"] = r.EventName,
            ["awsRegion"] = r.Region,
            ["sourceIPAddress"] = r.SourceIp,
            ["userAgent"] = "aws-cli/2.13.5",
            ["requestParameters"] = new Dictionary<string, object?> { ["name"] = "management-events" },
            ["responseElements"] = null,
            ["requestID"] = "EXAMPLE-" + r.EventId,
            ["eventID"] = r.EventId,
            ["readOnly"] = false,
            ["eventType"] = "AwsApiCall",
            ["managementEvent"] = true,
            ["recipientAccountId"] = r.Account,
        };
        return JsonSerializer.Serialize(record);
    }

    /// <summary>The whole file body <c>{"Records":[...]}</c>, one record per line.</summary>
    public static string Body(IEnumerable<TestRecord> records) =>
        "{\"Records\":[\n" + string.Join(",\n", records.Select(RecordJson)) + "\n]}\n";

    /// <summary>Writes a gzip log file at the layout path for the first record; returns its relative key.</summary>
    public static string Write(string root, string fileStamp, IReadOnlyList<TestRecord> records)
    {
        var first = records[0];
        var key = Key(first.Account, first.Region, first.EventTime, fileStamp);
        WriteGzip(Path.Combine(root, key), Body(records));
        return key;
    }

    public static string Key(string account, string region, DateTimeOffset day, string fileStamp) =>
        string.Create(CultureInfo.InvariantCulture,
            $"AWSLogs/{account}/CloudTrail/{region}/{day:yyyy}/{day:MM}/{day:dd}/{account}_CloudTrail_{region}_{fileStamp}.json.gz");

    public static void WriteGzip(string path, string body)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(body));
    }

    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "pcizone-monitor-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
