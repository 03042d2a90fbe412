namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class ConsoleSignInWithoutMfaAlarmed() : TrailEventAlarmRule(
    "console sign-ins without MFA",
    [
        CloudTrailSamples.Record("signin.amazonaws.com", "ConsoleLogin", "\"userIdentity\": {\"type\": \"IAMUser\", \"userName\": \"alice\"}, \"additionalEventData\": {\"MFAUsed\": \"No\", \"LoginTo\": \"https://console.aws.amazon.com/\"}, \"responseElements\": {\"ConsoleLogin\": \"Success\"}", "AwsConsoleSignIn"),
    ]);
