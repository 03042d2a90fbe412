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
        registry.Companion("aws_vpn_gateway_route_propagation", (r, e) =>
        {
            var gateway = NetworkPathJoins.Canonical(e, r.Ref("vpn_gateway_id"));
            e.Join<RouteTable>(r, r.Ref("route_table_id"), t => t with { PropagatingVpnGateways = [.. t.PropagatingVpnGateways, gateway] });
        });
        registry.Companion("aws_vpc_ipv4_cidr_block_association", (r, e) =>
        {
            // Without a written block the CIDR comes from an IPAM pool at apply.
            var cidr = r.String("cidr_block");
            e.Join<Vpc>(r, r.Ref("vpc_id"), v => v with { SecondaryCidrBlocks = AppendCidr(v.SecondaryCidrBlocks, cidr) });
        });
        registry.Primary("aws_internet_gateway", (r, e) => e.Add(new InternetGateway
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Vpc = r.RefOrNull("vpc_id"),
        }));
        registry.Companion("aws_internet_gateway_attachment", (r, e) =>
        {
            var gateway = r.Ref("internet_gateway_id");
            if (e.Join<InternetGateway>(r, gateway, g => g with { Vpc = r.Ref("vpc_id") }))
            {
                NetworkPathJoins.Rewrite(e, r, gateway.Get()!.Address!);
            }
        });
        registry.Primary("aws_nat_gateway", (r, e) => e.Add(new NatGateway
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Subnet = r.Ref("subnet_id"),
            ConnectivityType = r.TextOrDefault("connectivity_type", "public"),
            ElasticIps = NetworkPathJoins.Append(r.RefAsList("allocation_id"), r.RefsNonEmpty("secondary_allocation_ids")),
        }));
        registry.Primary("aws_flow_log", FlowLog);
    }

    private static void Vpc(IResourceView r, IEstateBuilder e, bool isDefault) => e.Add(new Vpc
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        CidrBlock = r.String("cidr_block"),
        SecondaryCidrBlocks = Value.Default<IReadOnlyList<string>>([], r.Provenance),
        IsDefault = isDefault,
    });

    private static Value<IReadOnlyList<string>> AppendCidr(Value<IReadOnlyList<string>> list, Value<string?> cidr) =>
        list.IsUnknown ? list
        : cidr.IsUnknown ? Value.Unknown<IReadOnlyList<string>>("a secondary CIDR block is allocated from IPAM at apply", cidr.Source)
        : Value.Of<IReadOnlyList<string>>(string.IsNullOrEmpty(cidr.Get()) ? list.Get() : [.. list.Get(), cidr.Get()!], cidr.Source);

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
        Routes = InlineRoutes(r),
        PropagatingVpnGateways = r.RefsOrEmpty("propagating_vgws").AsItems(r.At("propagating_vgws")),
        IsMain = isMain,
    };

    private static void RouteCompanion(IResourceView r, IEstateBuilder e)
    {
        var route = ReadRoute(r, "destination_cidr_block", "destination_ipv6_cidr_block", "destination_prefix_list_id");
        route = route with { Target = NetworkPathJoins.Canonical(e, route.Target) };
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

    /// <summary>Reads an <c>aws_route</c>; the target kind comes from the attribute that is set.</summary>
    internal static Route ReadRoute(IResourceView r, string v4, string v6, string prefixList) => ReadRoute(r, v4, v6, prefixList, inline: false).Route;

    // An inline route block has no computed attributes, so an unknown one is set (to a resource still
    // to be created); on aws_route an unknown attribute nobody wrote is merely computed.
    private static (Route Route, string? Attribute) ReadRoute(IResourceView r, string v4, string v6, string prefixList, bool inline)
    {
        var destination = inline ? r.Ref(prefixList).Map(x => x?.Address ?? (string.IsNullOrEmpty(x?.Literal) ? null : x.Literal)) : r.PrefixList(prefixList);
        foreach (var (attribute, declared, _) in RouteTargets)
        {
            var literal = r.String(attribute);
            if (r.Has(attribute) && !IsEmpty(literal) && (inline || r.IsWritten(attribute) || literal.IsKnown))
            {
                var target = r.Ref(attribute);
                return (new Route(r.String(v4), r.String(v6), destination, KindOf(declared, literal, target), target, r.Provenance), attribute);
            }
        }

        var none = Value.Unknown<ResourceRef?>("route has no target the reader knows", r.Provenance);
        return (new Route(r.String(v4), r.String(v6), destination, RouteTargetKind.Unknown, none, r.Provenance), null);
    }

    /// <summary>The inline routes of a table, their unknown targets resolved where the table's references tell exactly.</summary>
    private static List<Route> InlineRoutes(IResourceView table)
    {
        var reads = table.Blocks("route").Select(b => ReadRoute(b, "cidr_block", "ipv6_cidr_block", "destination_prefix_list_id", inline: true)).ToList();
        var routes = new List<Route>(reads.Count);
        foreach (var (route, attribute) in reads)
        {
            var resolved = route;
            if (attribute is not null && route.Target.IsUnknown)
            {
                var (_, declared, types) = RouteTargets.First(t => t.Attribute == attribute);
                var candidates = NetworkInlineRefs.Referenced(table, "route", types);
                var target = NetworkInlineRefs.Resolve(route.Target, candidates);
                if (target.IsUnknown && candidates.Count > 1 && FromSource(table, route, attribute, candidates) is { } named)
                {
                    target = Value.Of<ResourceRef?>(ResourceRef.To(named), route.Source);
                }

                resolved = resolved with { Target = target, TargetKind = target.IsKnown ? KindOf(declared, Value.Unknown<string?>("", target.Source), target) : route.TargetKind };
            }

            if (route.DestinationPrefixList.IsUnknown)
            {
                var list = NetworkInlineRefs.Resolve(Value.Unknown<ResourceRef?>(route.DestinationPrefixList.UnknownReason!, route.Source), NetworkInlineRefs.Referenced(table, "route", PrefixListTypes));
                resolved = resolved with { DestinationPrefixList = list.IsKnown ? Value.Of(list.Get()!.Address, list.Source) : route.DestinationPrefixList };
            }

            routes.Add(resolved);
        }

        return routes;
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
            // aws_vpn_gateway or its aws_vpn_gateway_attachment (whose id is the gateway's).
            return address.Contains("aws_vpn_gateway.", StringComparison.Ordinal) || address.Contains("aws_vpn_gateway_attachment.", StringComparison.Ordinal)
                ? RouteTargetKind.VirtualPrivateGateway
                : declared;
        }

        return literal.GetOrDefault() switch
        {
            "local" => RouteTargetKind.Local,
            { } s when s.StartsWith("vgw-", StringComparison.Ordinal) => RouteTargetKind.VirtualPrivateGateway,
            null => RouteTargetKind.Unknown,
            _ => declared,
        };
    }

    // Several routes name resources of one kind: the source block with the route's destination names its target.
    private static string? FromSource(IResourceView table, Route route, string attribute, IReadOnlyList<string> candidates)
    {
        var (key, destination) = route.DestinationCidr.GetOrDefault() is { Length: > 0 } v4 ? ("cidr_block", v4)
            : route.DestinationIpv6Cidr.GetOrDefault() is { Length: > 0 } v6 ? ("ipv6_cidr_block", v6)
            : ("destination_prefix_list_id", route.DestinationPrefixList.GetOrDefault());
        if (destination is null || NetworkInlineSource.Blocks(table.Provenance, "route") is not { } blocks)
        {
            return null;
        }

        var matching = blocks.Where(b => NetworkInlineSource.Literal(b.GetValueOrDefault(key)) == destination).ToList();
        return matching is [var block] && block.GetValueOrDefault(attribute) is { } expression ? NetworkInlineSource.Named(expression, candidates) : null;
    }

    // Each target attribute with the resource types whose id it takes (companions whose id is the gateway's included).
    private static readonly (string Attribute, RouteTargetKind Kind, string[] Types)[] RouteTargets =
    [
        ("gateway_id", RouteTargetKind.InternetGateway, ["aws_internet_gateway", "aws_internet_gateway_attachment", "aws_vpn_gateway", "aws_vpn_gateway_attachment"]),
        ("egress_only_gateway_id", RouteTargetKind.EgressOnlyInternetGateway, ["aws_egress_only_internet_gateway"]),
        ("nat_gateway_id", RouteTargetKind.NatGateway, ["aws_nat_gateway"]),
        ("transit_gateway_id", RouteTargetKind.TransitGateway, ["aws_ec2_transit_gateway"]),
        ("vpc_peering_connection_id", RouteTargetKind.VpcPeering, ["aws_vpc_peering_connection", "aws_vpc_peering_connection_accepter"]),
        ("vpc_endpoint_id", RouteTargetKind.VpcEndpoint, ["aws_vpc_endpoint"]),
        ("network_interface_id", RouteTargetKind.NetworkInterface, ["aws_network_interface", "aws_network_interface_attachment", "aws_instance"]),
    ];

    private static readonly string[] PrefixListTypes = ["aws_ec2_managed_prefix_list", "aws_vpc_endpoint"];

    private static void FlowLog(IResourceView r, IEstateBuilder e) => e.Add(new FlowLog
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        Target = r.FirstRef("vpc_id", "subnet_id", "eni_id", "transit_gateway_id", "transit_gateway_attachment_id"),
        TrafficType = r.TextOrDefault("traffic_type", "ALL").Map(s => s.ToUpperInvariant()),
        DestinationType = r.TextOrDefault("log_destination_type", "cloud-watch-logs"),
        Destination = r.IsWritten("log_destination") ? r.Ref("log_destination") : r.RefOrNull("log_group_name"),
    });
}
