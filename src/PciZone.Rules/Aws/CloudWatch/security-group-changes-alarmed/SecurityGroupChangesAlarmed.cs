namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class SecurityGroupChangesAlarmed() : TrailEventAlarmRule(
    "security group changes",
    CloudTrailSamples.Api("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup"));
