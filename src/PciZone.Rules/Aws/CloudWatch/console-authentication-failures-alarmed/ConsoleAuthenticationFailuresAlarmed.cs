namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class ConsoleAuthenticationFailuresAlarmed() : TrailEventAlarmRule(
    "console authentication failures",
    [
        CloudTrailSamples.Record("signin.amazonaws.com", "ConsoleLogin", "\"userIdentity\": {\"type\": \"IAMUser\", \"userName\": \"alice\"}, \"errorMessage\": \"Failed authentication\", \"responseElements\": {\"ConsoleLogin\": \"Failure\"}", "AwsConsoleSignIn"),
    ]);
