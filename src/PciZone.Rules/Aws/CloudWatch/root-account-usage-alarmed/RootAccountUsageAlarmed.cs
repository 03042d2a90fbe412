namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class RootAccountUsageAlarmed() : TrailEventAlarmRule(
    "root account usage",
    [
        CloudTrailSamples.Record("iam.amazonaws.com", "CreateAccessKey", "\"userIdentity\": {\"type\": \"Root\", \"arn\": \"arn:aws:iam::111122223333:root\"}"),
        CloudTrailSamples.Record("signin.amazonaws.com", "ConsoleLogin", "\"userIdentity\": {\"type\": \"Root\", \"arn\": \"arn:aws:iam::111122223333:root\"}, \"responseElements\": {\"ConsoleLogin\": \"Success\"}", "AwsConsoleSignIn"),
    ]);
