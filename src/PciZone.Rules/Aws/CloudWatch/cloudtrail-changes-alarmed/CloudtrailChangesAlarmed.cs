namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class CloudtrailChangesAlarmed() : TrailEventAlarmRule(
    "CloudTrail configuration changes",
    CloudTrailSamples.Api("cloudtrail.amazonaws.com", "CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"));
