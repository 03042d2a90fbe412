namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class ConfigChangesAlarmed() : TrailEventAlarmRule(
    "AWS Config recorder and delivery channel changes",
    CloudTrailSamples.Api("config.amazonaws.com", "StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder"));
