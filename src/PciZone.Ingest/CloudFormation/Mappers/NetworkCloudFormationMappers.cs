using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>VPCs, subnets, route tables, gateways and flow logs from a CloudFormation template.</summary>
internal sealed class NetworkCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::EC2::VPC", (r, e) => e.Add(new Vpc
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            CidrBlock = r.String("CidrBlock"),
            SecondaryCidrBlocks = Value.Default<IReadOnlyList<string>>([], r.Provenance),
            IsDefault = false,
        }));
        registry.Companion("AWS::EC2::VPCCidrBlock", (r, e) =>
        {
            // IPv6 blocks come from the same resource type; only IPv4 blocks are secondary CIDRs here.
            if (!r.Has("CidrBlock") && !r.Has("Ipv4IpamPoolId"))
            {
                e.Join<Vpc>(r, r.Ref("VpcId"), v => v);
                return;
            }

            var cidr = r.Has("CidrBlock") ? r.String("CidrBlock") : Value.Unknown<string?>("a secondary CIDR block is allocated from IPAM at deployment", r.At("Ipv4IpamPoolId"));
            e.Join<Vpc>(r, r.Ref("VpcId"), v => v with
            {
                SecondaryCidrBlocks = v.SecondaryCidrBlocks.IsUnknown ? v.SecondaryCidrBlocks
                    : cidr.IsUnknown ? Value.Unknown<IReadOnlyList<string>>(cidr.UnknownReason!, cidr.Source)
                    : Value.Of<IReadOnlyList<string>>([.. v.SecondaryCidrBlocks.Get(), cidr.Get()!], cidr.Source),
            });
        });
        registry.Primary("AWS::EC2::Subnet", (r, e) => e.Add(new Subnet
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Vpc = r.Ref("VpcId"),
            CidrBlock = r.String("CidrBlock"),
            MapPublicIpOnLaunch = r.Bool("MapPublicIpOnLaunch", false),
            AvailabilityZone = r.String("AvailabilityZone"),
        }));
        registry.Primary("AWS::EC2::RouteTable", (r, e) => e.Add(new RouteTable
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Vpc = r.Ref("VpcId"),
            IsMain = false,
        }));
        registry.Companion("AWS::EC2::Route", Route);
        registry.Companion("AWS::EC2::SubnetRouteTableAssociation", (r, e) =>
        {
            var subnet = r.Ref("SubnetId");
            e.Join<RouteTable>(r, r.Ref("RouteTableId"), t => t with { SubnetAssociations = [.. t.SubnetAssociations, subnet] });
        });

        // An internet gateway is attached to its VPC by a separate resource.
        registry.Primary("AWS::EC2::InternetGateway", (r, e) => e.Add(new InternetGateway
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Vpc = Value.Default<ResourceRef?>(null, r.Provenance),
        }));
        registry.Companion("AWS::EC2::VPCGatewayAttachment", (r, e) =>
        {
            var vpc = r.Ref("VpcId");
            if (r.Has("InternetGatewayId"))
            {
                e.Join<InternetGateway>(r, r.Ref("InternetGatewayId"), g => g with { Vpc = vpc });
            }
            else if (r.Has("VpnGatewayId"))
            {
                e.Join<VpnGateway>(r, r.Ref("VpnGatewayId"), g => g with { Vpc = vpc });
            }
        });
        registry.Companion("AWS::EC2::VPNGatewayRoutePropagation", (r, e) =>
        {
            var gateway = r.Ref("VpnGatewayId");
            e.JoinEach<RouteTable>(r, "RouteTableIds", t => t with { PropagatingVpnGateways = [.. t.PropagatingVpnGateways, gateway] });
        });
        registry.Primary("AWS::EC2::NatGateway", (r, e) => e.Add(new NatGateway
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Subnet = r.Ref("SubnetId"),
            ConnectivityType = r.TextOrDefault("ConnectivityType", "public"),
            ElasticIps = NetworkPathJoins.Append(r.RefAsList("AllocationId"), r.RefsOrEmpty("SecondaryAllocationIds")),
        }));
        registry.Primary("AWS::EC2::FlowLog", (r, e) => e.Add(new FlowLog
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Target = r.Ref("ResourceId"),
            TrafficType = r.TextOrDefault("TrafficType", "ALL").Map(s => s.ToUpperInvariant()),
            DestinationType = r.TextOrDefault("LogDestinationType", "cloud-watch-logs"),
            Destination = r.Has("LogDestination") ? r.Ref("LogDestination") : r.RefOrNull("LogGroupName"),
        }));
    }

    private static void Route(IResourceView r, IEstateBuilder e)
    {
        var (kind, target) = Targets
            .Where(t => r.Has(t.Property))
            .Select(t => (t.Kind, Target: r.Ref(t.Property)))
            .FirstOrDefault((RouteTargetKind.Unknown, Value.Unknown<ResourceRef?>("route has no target the reader knows", r.Provenance)));
        // GatewayId also takes virtual private gateways: by their id, or by a link to one in the template.
        if (kind == RouteTargetKind.InternetGateway &&
            (target.GetOrDefault()?.Literal is { } id && id.StartsWith("vgw-", StringComparison.Ordinal) || NetworkPathJoins.Exists<VpnGateway>(e, target)))
        {
            kind = RouteTargetKind.VirtualPrivateGateway;
        }

        var route = new Route(r.String("DestinationCidrBlock"), r.String("DestinationIpv6CidrBlock"), r.PrefixList("DestinationPrefixListId"), kind, target, r.Provenance);
        e.Join<RouteTable>(r, r.Ref("RouteTableId"), t => t with { Routes = [.. t.Routes, route] });
    }

    private static readonly (string Property, RouteTargetKind Kind)[] Targets =
    [
        ("GatewayId", RouteTargetKind.InternetGateway),
        ("EgressOnlyInternetGatewayId", RouteTargetKind.EgressOnlyInternetGateway),
        ("NatGatewayId", RouteTargetKind.NatGateway),
        ("TransitGatewayId", RouteTargetKind.TransitGateway),
        ("VpcPeeringConnectionId", RouteTargetKind.VpcPeering),
        ("VpcEndpointId", RouteTargetKind.VpcEndpoint),
        ("NetworkInterfaceId", RouteTargetKind.NetworkInterface),
        ("InstanceId", RouteTargetKind.NetworkInterface),
    ];
}
