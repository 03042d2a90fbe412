namespace PciZone.Rules.Aws.CloudWatch;

/// <summary>Minimal CloudTrail records, the sample events that a metric filter must count.</summary>
internal static class CloudTrailSamples
{
    /// <summary>One successful API call record per event name, by an IAM user, from the internet.</summary>
    public static string[] Api(string eventSource, params string[] eventNames) =>
        eventNames.Select(name => Record(eventSource, name, "\"userIdentity\": {\"type\": \"IAMUser\", \"userName\": \"alice\"}")).ToArray();

    /// <summary>A record with the given identity and extra members (JSON text without braces).</summary>
    public static string Record(string eventSource, string eventName, string members, string eventType = "AwsApiCall") =>
        $$"""{"eventVersion": "1.08", "eventSource": "{{eventSource}}", "eventName": "{{eventName}}", "eventType": "{{eventType}}", "awsRegion": "eu-west-1", "sourceIPAddress": "203.0.113.10", {{members}}}""";
}
