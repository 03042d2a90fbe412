namespace PciZone.Rules.Aws.GuardDuty;

internal sealed class GuarddutyLambdaProtectionEnabled() : DetectorFeatureRule("LAMBDA_NETWORK_LOGS", "Lambda Protection");
