namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class UnauthorizedApiCallsAlarmed() : TrailEventAlarmRule(
    "unauthorised API calls",
    [
        CloudTrailSamples.Record("ec2.amazonaws.com", "DescribeInstances", "\"errorCode\": \"Client.UnauthorizedOperation\", \"userIdentity\": {\"type\": \"IAMUser\"}"),
        CloudTrailSamples.Record("s3.amazonaws.com", "GetObject", "\"errorCode\": \"AccessDenied\", \"userIdentity\": {\"type\": \"AssumedRole\"}"),
    ]);
