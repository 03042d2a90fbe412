namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class RouteTableChangesAlarmed() : TrailEventAlarmRule(
    "route table changes",
    CloudTrailSamples.Api("ec2.amazonaws.com", "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable"));
