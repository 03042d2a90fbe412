using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Detection;
using PciZone.Monitoring.Pipeline;
using PciZone.Monitoring.RuleFormat;
using PciZone.Monitoring.Rules;

namespace PciZone.Monitoring.Tests.Support;

/// <summary>Inline rules and CloudTrail records (formats from AWS's documentation; example accounts and addresses).</summary>
internal static class TestKit
{
    private static int _counter;

    public static string RepoRoot { get; } = typeof(TestKit).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "RepoRoot").Value!;

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders =
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["cde_buckets"] = ["cde-data-111122223333", "cde-exports-111122223333"],
            ["trusted_nets"] = ["198.51.100.0/24", "2001:db8::/32"],
            ["empty"] = [],
        };

    /// <summary>A complete rule around a detection block (indented by two spaces per level in the caller's text).</summary>
    public static string Rule(string detection, string id = "TEST-001", string extra = "") => $"""
        id: {id}
        title: Test rule
        status: test
        level: high
        description: A rule for tests.
        logsource:
          product: aws
          service: cloudtrail
        detection:
        {Indent(detection)}
        pcizone:
          requirements: ["10.2.1.2"]
        {extra}
        """;

    private static string Indent(string block) =>
        string.Join("\n", block.Split('\n').Select(l => "  " + l.TrimEnd()));

    public static (RuleDefinition? Rule, List<RuleLoadError> Errors) Parse(string yaml, IReadOnlyDictionary<string, IReadOnlyList<string>>? placeholders = null)
    {
        var errors = new List<RuleLoadError>();
        var rule = MonitorRules.Parse("test.yaml", yaml, placeholders ?? Placeholders, errors);
        return (rule, errors);
    }

    public static CloudTrailDetector Detector(params string[] yamls)
    {
        var defs = new List<RuleDefinition>();
        foreach (var yaml in yamls)
        {
            var (rule, errors) = Parse(yaml);
            errors.ShouldBeEmpty(string.Join("\n", errors));
            defs.Add(rule!);
        }

        return MonitorDetector.CreateInternal(new MonitorRuleSet(defs, []), 1000);
    }

    /// <summary>A record with the usual fields; <paramref name="extra"/> is merged over it (JSON object text).</summary>
    public static string Record(string eventName = "DescribeInstances", string extra = "{}", string time = "2024-05-01T10:00:00Z")
    {
        var n = Interlocked.Increment(ref _counter);
        var record = new JsonObject
        {
            ["eventVersion"] = "1.09",
            ["userIdentity"] = new JsonObject
            {
                ["type"] = "IAMUser",
                ["principalId"] = "AIDACKCEVSQ6C2EXAMPLE",
                ["arn"] = "arn:aws:iam::111122223333:user/Alice",
                ["accountId"] = "111122223333",
                ["userName"] = "Alice",
            },
            ["eventTime"] = time,
            ["eventSource"] = "ec2.amazonaws.com",
            ["eventName"] = eventName,
            ["awsRegion"] = "eu-west-1",
            ["sourceIPAddress"] = "203.0.113.7",
            ["userAgent"] = "aws-cli/2.15.0",
            ["requestParameters"] = null,
            ["responseElements"] = null,
            ["eventID"] = new Guid(n, 0, 0, new byte[8]).ToString(),
            ["eventType"] = "AwsApiCall",
            ["recipientAccountId"] = "111122223333",
        };
        foreach (var (key, value) in JsonNode.Parse(extra)!.AsObject())
        {
            record[key] = value?.DeepClone();
        }

        return record.ToJsonString();
    }

    public static byte[] File(params string[] records) => Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", records) + "]}");

    public static byte[] Gzip(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
        {
            gz.Write(plain);
        }

        return output.ToArray();
    }

    public static (ObjectResult Result, List<Alert> Alerts) Run(IEventDetector detector, byte[] content, string key = "AWSLogs/111122223333/CloudTrail/eu-west-1/2024/05/01/file.json.gz")
    {
        var alerts = new List<Alert>();
        var result = detector.Process(new MemoryStream(content), key, alerts);
        return (result, alerts);
    }

    /// <summary>True when the one-field rule <c>selection: {field: value}</c> matches the record.</summary>
    public static bool Matches(string selection, string record, string condition = "selection")
    {
        var detector = Detector(Rule($"selection:\n{Indent(selection)}\ncondition: {condition}"));
        return Run(detector, File(record)).Alerts.Count > 0;
    }
}
