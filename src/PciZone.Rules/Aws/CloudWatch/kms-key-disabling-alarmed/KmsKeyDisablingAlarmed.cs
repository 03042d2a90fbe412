namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class KmsKeyDisablingAlarmed() : TrailEventAlarmRule(
    "KMS keys being disabled or scheduled for deletion",
    CloudTrailSamples.Api("kms.amazonaws.com", "DisableKey", "ScheduleKeyDeletion"));
