namespace PciZone.Rules.Aws.GuardDuty;

internal sealed class GuarddutyRdsProtectionEnabled() : DetectorFeatureRule("RDS_LOGIN_EVENTS", "RDS Protection");
