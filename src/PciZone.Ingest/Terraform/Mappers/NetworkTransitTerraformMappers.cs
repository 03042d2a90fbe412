using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// Transit gateway VPC attachments and route tables (with routes, associations and propagations) and
/// VPC endpoints (with their route table, subnet and security group associations) from a Terraform plan.
/// </summary>
internal sealed class NetworkTransitTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_ec2_transit_gateway_vpc_attachment", (r, e) => e.Add(new TransitGatewayVpcAttachment
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            TransitGateway = r.Ref("transit_gateway_id"),
            Vpc = r.Ref("vpc_id"),
            Subnets = r.Refs("subnet_ids"),
            DefaultRouteTableAssociation = r.BoolOrDefault("transit_gateway_default_route_table_association", true),
            DefaultRouteTablePropagation = r.BoolOrDefault("transit_gateway_default_route_table_propagation", true),
        }));
        registry.Companion("aws_ec2_transit_gateway_vpc_attachment_accepter", AttachmentAccepter);
        registry.Primary("aws_ec2_transit_gateway_route_table", (r, e) => e.Add(new TransitGatewayRouteTable
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            TransitGateway = r.Ref("transit_gateway_id"),
        }));
        registry.Companion("aws_ec2_transit_gateway_route", (r, e) =>
        {
            var blackhole = r.BoolOrDefault("blackhole", false);
            var route = new TransitGatewayRoute(
                r.String("destination_cidr_block"),
                blackhole.GetOrDefault() ? Value.Default<ResourceRef?>(null, r.Provenance) : NetworkPathJoins.Canonical(e, r.RefOrNull("transit_gateway_attachment_id")),
                blackhole,
                r.Provenance);
            JoinTable(r, e, t => t with { Routes = [.. t.Routes, route] });
        });
        registry.Companion("aws_ec2_transit_gateway_route_table_association", (r, e) =>
        {
            var attachment = NetworkPathJoins.Canonical(e, r.Ref("transit_gateway_attachment_id"));
            JoinTable(r, e, t => t with { Associations = [.. t.Associations, attachment] });
        });
        registry.Companion("aws_ec2_transit_gateway_route_table_propagation", (r, e) =>
        {
            var attachment = NetworkPathJoins.Canonical(e, r.Ref("transit_gateway_attachment_id"));
            JoinTable(r, e, t => t with { Propagations = [.. t.Propagations, attachment] });
        });
        registry.Primary("aws_vpc_endpoint", Endpoint);
        registry.Companion("aws_vpc_endpoint_route_table_association", (r, e) =>
        {
            var table = r.Ref("route_table_id");
            e.Join<VpcEndpoint>(r, r.Ref("vpc_endpoint_id"), x => x with { RouteTables = NetworkPathJoins.Append(x.RouteTables, table) });
        });
        registry.Companion("aws_vpc_endpoint_subnet_association", (r, e) =>
        {
            var subnet = r.Ref("subnet_id");
            e.Join<VpcEndpoint>(r, r.Ref("vpc_endpoint_id"), x => x with { Subnets = NetworkPathJoins.Append(x.Subnets, subnet) });
        });
        registry.Companion("aws_vpc_endpoint_security_group_association", (r, e) =>
        {
            var group = r.Ref("security_group_id");
            e.Join<VpcEndpoint>(r, r.Ref("vpc_endpoint_id"), x => x with { SecurityGroups = NetworkPathJoins.Append(x.SecurityGroups, group) });
        });
    }

    private static void JoinTable(IResourceView r, IEstateBuilder e, Func<TransitGatewayRouteTable, TransitGatewayRouteTable> update) =>
        e.Join(r, NetworkPathJoins.TransitGatewayTable(e, r.Ref("transit_gateway_route_table_id")), update);

    private static void AttachmentAccepter(IResourceView r, IEstateBuilder e)
    {
        var attachment = NetworkPathJoins.Canonical(e, r.Ref("transit_gateway_attachment_id"));

        // In a cross-account attachment the gateway owner's accepter decides the default table settings.
        var association = r.BoolOrDefault("transit_gateway_default_route_table_association", true);
        var propagation = r.BoolOrDefault("transit_gateway_default_route_table_propagation", true);
        if (!NetworkPathJoins.Exists<TransitGatewayVpcAttachment>(e, attachment))
        {
            e.Add(new TransitGatewayVpcAttachment
            {
                Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
                TransitGateway = r.Ref("transit_gateway_id"),
                Vpc = r.Ref("vpc_id"),
                Subnets = r.Refs("subnet_ids"),
                DefaultRouteTableAssociation = association,
                DefaultRouteTablePropagation = propagation,
            });
            return;
        }

        e.Join<TransitGatewayVpcAttachment>(r, attachment, a => a with { DefaultRouteTableAssociation = association, DefaultRouteTablePropagation = propagation });
        NetworkPathJoins.Rewrite(e, r, attachment.Get()!.Address!);
    }

    private static void Endpoint(IResourceView r, IEstateBuilder e)
    {
        var configured = r.Blocks("subnet_configuration").Select(b => b.RefOrNull("subnet_id")).ToList();
        var subnets = r.RefsOrEmpty("subnet_ids");
        foreach (var s in configured)
        {
            subnets = NetworkPathJoins.Append(subnets, s);
        }

        e.Add(new VpcEndpoint
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Vpc = r.Ref("vpc_id"),
            EndpointType = r.TextOrDefault("vpc_endpoint_type", "Gateway"),
            ServiceName = r.String("service_name"),
            RouteTables = r.RefsOrEmpty("route_table_ids"),
            Subnets = subnets,
            SecurityGroups = r.RefsOrEmpty("security_group_ids"),
            PrivateDnsEnabled = r.BoolOrDefault("private_dns_enabled", false),
            Policy = r.WrittenPolicy("policy"),
        });
    }
}
