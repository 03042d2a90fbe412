namespace PciZone.Rules.Aws.GuardDuty;

internal sealed class GuarddutyRuntimeMonitoringEnabled() : DetectorFeatureRule("RUNTIME_MONITORING", "Runtime Monitoring");
