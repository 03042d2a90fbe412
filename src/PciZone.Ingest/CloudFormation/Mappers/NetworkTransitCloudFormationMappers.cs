using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>
/// Transit gateway VPC attachments and route tables (with routes, associations and propagations) and
/// VPC endpoints from a CloudFormation template.
/// </summary>
internal sealed class NetworkTransitCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::EC2::TransitGatewayVpcAttachment", Attachment);
        registry.Primary("AWS::EC2::TransitGatewayAttachment", Attachment);
        registry.Primary("AWS::EC2::TransitGatewayRouteTable", (r, e) => e.Add(new TransitGatewayRouteTable
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            TransitGateway = r.Ref("TransitGatewayId"),
        }));
        registry.Companion("AWS::EC2::TransitGatewayRoute", (r, e) =>
        {
            var blackhole = r.Bool("Blackhole", false);
            var route = new TransitGatewayRoute(
                r.String("DestinationCidrBlock"),
                blackhole.GetOrDefault() ? Value.Default<ResourceRef?>(null, r.Provenance) : r.RefOrNull("TransitGatewayAttachmentId"),
                blackhole,
                r.Provenance);
            JoinTable(r, e, t => t with { Routes = [.. t.Routes, route] });
        });
        registry.Companion("AWS::EC2::TransitGatewayRouteTableAssociation", (r, e) =>
        {
            var attachment = r.Ref("TransitGatewayAttachmentId");
            JoinTable(r, e, t => t with { Associations = [.. t.Associations, attachment] });
        });
        registry.Companion("AWS::EC2::TransitGatewayRouteTablePropagation", (r, e) =>
        {
            var attachment = r.Ref("TransitGatewayAttachmentId");
            JoinTable(r, e, t => t with { Propagations = [.. t.Propagations, attachment] });
        });
        registry.Primary("AWS::EC2::VPCEndpoint", (r, e) => e.Add(new VpcEndpoint
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Vpc = r.Ref("VpcId"),
            EndpointType = r.TextOrDefault("VpcEndpointType", "Gateway"),
            ServiceName = r.String("ServiceName"),
            RouteTables = r.RefsOrEmpty("RouteTableIds"),
            Subnets = r.RefsOrEmpty("SubnetIds"),
            SecurityGroups = r.RefsOrEmpty("SecurityGroupIds"),
            PrivateDnsEnabled = r.Bool("PrivateDnsEnabled", false),
            Policy = r.WrittenPolicy("PolicyDocument"),
        }));
    }

    private static void JoinTable(IResourceView r, IEstateBuilder e, Func<TransitGatewayRouteTable, TransitGatewayRouteTable> update) =>
        e.Join(r, NetworkPathJoins.TransitGatewayTable(e, r.Ref("TransitGatewayRouteTableId")), update);

    // CloudFormation has no per-attachment default-table switch: the gateway's settings decide.
    private static void Attachment(IResourceView r, IEstateBuilder e) => e.Add(new TransitGatewayVpcAttachment
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
        TransitGateway = r.Ref("TransitGatewayId"),
        Vpc = r.Ref("VpcId"),
        Subnets = r.Refs("SubnetIds"),
        DefaultRouteTableAssociation = Value.Default(true, r.Provenance),
        DefaultRouteTablePropagation = Value.Default(true, r.Provenance),
    });
}
