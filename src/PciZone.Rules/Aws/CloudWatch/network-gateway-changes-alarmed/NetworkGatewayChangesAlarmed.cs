namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class NetworkGatewayChangesAlarmed() : TrailEventAlarmRule(
    "network gateway changes",
    CloudTrailSamples.Api("ec2.amazonaws.com", "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway"));
