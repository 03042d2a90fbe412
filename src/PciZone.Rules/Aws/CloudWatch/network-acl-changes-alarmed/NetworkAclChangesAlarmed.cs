namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class NetworkAclChangesAlarmed() : TrailEventAlarmRule(
    "network ACL changes",
    CloudTrailSamples.Api("ec2.amazonaws.com", "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation"));
