namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class VpcChangesAlarmed() : TrailEventAlarmRule(
    "VPC and VPC peering changes",
    CloudTrailSamples.Api("ec2.amazonaws.com", "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection", "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection"));
