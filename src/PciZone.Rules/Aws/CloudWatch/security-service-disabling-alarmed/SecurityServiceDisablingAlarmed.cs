namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class SecurityServiceDisablingAlarmed() : TrailEventAlarmRule(
    "security controls being stopped (GuardDuty, Security Hub, Config, CloudTrail, WAF logging)",
    [
        .. CloudTrailSamples.Api("guardduty.amazonaws.com", "DeleteDetector", "DisassociateFromAdministratorAccount"),
        .. CloudTrailSamples.Api("securityhub.amazonaws.com", "DisableSecurityHub", "BatchDisableStandards"),
        .. CloudTrailSamples.Api("config.amazonaws.com", "StopConfigurationRecorder", "DeleteConfigurationRecorder"),
        .. CloudTrailSamples.Api("cloudtrail.amazonaws.com", "StopLogging", "DeleteTrail"),
        .. CloudTrailSamples.Api("wafv2.amazonaws.com", "DeleteLoggingConfiguration"),
    ]);
