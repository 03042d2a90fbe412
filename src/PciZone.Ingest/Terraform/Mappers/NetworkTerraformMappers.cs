using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>VPCs, subnets, route tables, gateways and flow logs from a Terraform plan.</summary>
internal sealed class NetworkTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_vpc", (r, e) => Vpc(r, e, isDefault: false));
        registry.Primary("aws_default_vpc", (r, e) => Vpc(r, e, isDefault: true));
        registry.Primary("aws_subnet", (r, e) => Subnet(r, e, awsDefaultPublicIp: false));

        // Default subnets auto-assign public IPv4 addresses unless told otherwise.
        registry.Primary("aws_default_subnet", (r, e) => Subnet(r, e, awsDefaultPublicIp: true));
        registry.Primary("aws_route_table", (r, e) => e.Add(RouteTable(r, r.Ref("vpc_id"), isMain: false)));
        registry.Primary("aws_default_route_table", (r, e) => e.Add(RouteTable(r, r.Ref("default_route_table_id"), isMain: true)));
        registry.Companion("aws_route", RouteCompanion);
        registry.Companion("aws_route_table_association", Association);
        registry.Companion("aws_main_route_table_association", MainAssociation);
        registry.Primary("aws_internet_gateway", (r, e) => e.Add(new InternetGateway
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Vpc = r.RefOrNull("vpc_id"),
        }));
        registry.Companion("aws_internet_gateway_attachment", (r, e) =>
            e.Join<InternetGateway>(r, r.Ref("internet_gateway_id"), g => g with { Vpc = r.Ref("vpc_id") }));
        registry.Primary("aws_nat_gateway", (r, e) => e.Add(new NatGateway
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Subnet = r.Ref("subnet_id"),
            ConnectivityType = r.TextOrDefault("connectivity_type", "public"),
        }));
        registry.Primary("aws_flow_log", FlowLog);
    }

    private static void Vpc(IResourceView r, IEstateBuilder e, bool isDefault) => e.Add(new Vpc
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        CidrBlock = r.String("cidr_block"),
        IsDefault = isDefault,
    });

    private static void Subnet(IResourceView r, IEstateBuilder e, bool awsDefaultPublicIp) => e.Add(new Subnet
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        Vpc = r.Ref("vpc_id"),
        CidrBlock = r.String("cidr_block"),
        MapPublicIpOnLaunch = r.BoolOrDefault("map_public_ip_on_launch", awsDefaultPublicIp),
        AvailabilityZone = r.String("availability_zone"),
    });

    private static RouteTable RouteTable(IResourceView r, Value<ResourceRef?> vpc, bool isMain) => new()
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        Vpc = vpc,
        Routes = r.Blocks("route").Select(b => ReadRoute(b, "cidr_block", "ipv6_cidr_block", "destination_prefix_list_id")).ToList(),
        IsMain = isMain,
    };

    private static void RouteCompanion(IResourceView r, IEstateBuilder e)
    {
        var route = ReadRoute(r, "destination_cidr_block", "destination_ipv6_cidr_block", "destination_prefix_list_id");
        e.Join<RouteTable>(r, r.Ref("route_table_id"), t => t with { Routes = [.. t.Routes, route] });
    }

    private static void Association(IResourceView r, IEstateBuilder e)
    {
        if (r.Has("subnet_id"))
        {
            var subnet = r.Ref("subnet_id");
            e.Join<RouteTable>(r, r.Ref("route_table_id"), t => t with { SubnetAssociations = [.. t.SubnetAssociations, subnet] });
        }
        else
        {
            // A gateway (edge) association: the table routes traffic entering through the gateway.
            e.Join<RouteTable>(r, r.Ref("route_table_id"), t => t);
        }
    }

    private static void MainAssociation(IResourceView r, IEstateBuilder e) =>
        e.Join<RouteTable>(r, r.Ref("route_table_id"), t => t with { IsMain = true });

    /// <summary>Reads a route from an inline block or an <c>aws_route</c>; the target kind comes from the attribute that is set.</summary>
    internal static Route ReadRoute(IResourceView r, string v4, string v6, string prefixList)
    {
        var (kind, target) = RouteTargets
            .Where(t => r.Has(t.Attribute) && (r.IsWritten(t.Attribute) || r.String(t.Attribute).IsKnown) && !IsEmpty(r.String(t.Attribute)))
            .Select(t => (Kind: KindOf(t.Kind, r.String(t.Attribute), r.Ref(t.Attribute)), Target: r.Ref(t.Attribute)))
            .FirstOrDefault((RouteTargetKind.Unknown, Value.Unknown<ResourceRef?>("route has no target the reader knows", r.Provenance)));
        return new Route(r.String(v4), r.String(v6), r.String(prefixList), kind, target, r.Provenance);
    }

    private static bool IsEmpty(Value<string?> v) => v.IsKnown && string.IsNullOrEmpty(v.Get());

    // gateway_id also takes virtual private gateways and "local".
    private static RouteTargetKind KindOf(RouteTargetKind declared, Value<string?> literal, Value<ResourceRef?> target)
    {
        if (declared != RouteTargetKind.InternetGateway)
        {
            return declared;
        }

        if (target.GetOrDefault()?.Address is { } address)
        {
            return address.Contains("aws_vpn_gateway.", StringComparison.Ordinal) ? RouteTargetKind.VirtualPrivateGateway : declared;
        }

        return literal.GetOrDefault() switch
        {
            "local" => RouteTargetKind.Local,
            { } s when s.StartsWith("vgw-", StringComparison.Ordinal) => RouteTargetKind.VirtualPrivateGateway,
            null => RouteTargetKind.Unknown,
            _ => declared,
        };
    }

    private static readonly (string Attribute, RouteTargetKind Kind)[] RouteTargets =
    [
        ("gateway_id", RouteTargetKind.InternetGateway),
        ("egress_only_gateway_id", RouteTargetKind.EgressOnlyInternetGateway),
        ("nat_gateway_id", RouteTargetKind.NatGateway),
        ("transit_gateway_id", RouteTargetKind.TransitGateway),
        ("vpc_peering_connection_id", RouteTargetKind.VpcPeering),
        ("vpc_endpoint_id", RouteTargetKind.VpcEndpoint),
        ("network_interface_id", RouteTargetKind.NetworkInterface),
    ];

    private static void FlowLog(IResourceView r, IEstateBuilder e) => e.Add(new FlowLog
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        Target = r.FirstRef("vpc_id", "subnet_id", "eni_id", "transit_gateway_id", "transit_gateway_attachment_id"),
        TrafficType = r.TextOrDefault("traffic_type", "ALL").Map(s => s.ToUpperInvariant()),
        DestinationType = r.TextOrDefault("log_destination_type", "cloud-watch-logs"),
        Destination = r.IsWritten("log_destination") ? r.Ref("log_destination") : r.RefOrNull("log_group_name"),
    });
}
