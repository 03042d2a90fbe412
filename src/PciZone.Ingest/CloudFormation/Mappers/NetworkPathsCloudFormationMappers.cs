using PciZone.Estate;
using PciZone.Ingest.Terraform.Mappers;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>
/// Network interfaces, elastic IPs, VPC peering, egress-only and virtual private gateways and managed
/// prefix lists from a CloudFormation template.
/// </summary>
internal sealed class NetworkPathsCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::EC2::NetworkInterface", (r, e) => e.Add(Interface(r, r.Address, Value.Default<ResourceRef?>(null, r.Provenance), Value.Default<int?>(null, r.Provenance))));
        registry.Companion("AWS::EC2::NetworkInterfaceAttachment", (r, e) =>
        {
            var (instance, index) = (r.Ref("InstanceId"), r.OptionalInt("DeviceIndex"));
            e.Join<NetworkInterface>(r, r.Ref("NetworkInterfaceId"), n => n with { AttachedInstance = instance, DeviceIndex = index });
        });
        registry.Primary("AWS::EC2::EIP", (r, e) => e.Add(new ElasticIp
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Instance = r.RefOrNull("InstanceId"),
            NetworkInterface = Value.Default<ResourceRef?>(null, r.Provenance),
        }));

        // Ref of an EIP is its public address and GetAtt AllocationId its allocation: either links it.
        registry.Companion("AWS::EC2::EIPAssociation", (r, e) =>
        {
            var (instance, eni) = (r.RefOrNull("InstanceId"), r.RefOrNull("NetworkInterfaceId"));
            e.Join<ElasticIp>(r, r.Has("AllocationId") ? r.Ref("AllocationId") : r.Ref("EIP"), x => x with { Instance = instance, NetworkInterface = eni });
        });
        registry.Primary("AWS::EC2::VPCPeeringConnection", (r, e) => e.Add(new VpcPeeringConnection
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            RequesterVpc = r.Ref("VpcId"),
            AccepterVpc = r.Ref("PeerVpcId"),

            // CloudFormation accepts a same-account request itself, and another account's through the peer role.
            Accepted = !r.Has("PeerOwnerId") ? Value.Default(true, r.Provenance)
                : r.Has("PeerRoleArn") ? Value.Of(true, r.At("PeerRoleArn"))
                : Value.Unknown<bool>("the peer account accepts the request, outside this template", r.At("PeerOwnerId")),
            RequesterAllowsRemoteVpcDnsResolution = Value.Default(false, r.Provenance),
            AccepterAllowsRemoteVpcDnsResolution = Value.Default(false, r.Provenance),
        }));
        registry.Primary("AWS::EC2::EgressOnlyInternetGateway", (r, e) => e.Add(new EgressOnlyInternetGateway
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Vpc = r.Ref("VpcId"),
        }));

        // Attached to its VPC by an AWS::EC2::VPCGatewayAttachment (NetworkCloudFormationMappers).
        registry.Primary("AWS::EC2::VPNGateway", (r, e) => e.Add(new VpnGateway
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Vpc = Value.Default<ResourceRef?>(null, r.Provenance),
        }));
        registry.Primary("AWS::EC2::PrefixList", (r, e) => e.Add(new ManagedPrefixList
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Name = r.String("PrefixListName"),
            AddressFamily = r.TextOrDefault("AddressFamily", "IPv4"),
            Cidrs = NetworkPathsTerraformMappers.Cidrs(r.Blocks("Entries"), r.At("Entries"), "Cidr"),
        }));
    }

    /// <summary>
    /// The interfaces of an instance's <c>NetworkInterfaces</c>: a named interface by reference, an inline
    /// one as a <see cref="NetworkInterface"/> record of its own at <c>&lt;instance&gt;.NetworkInterfaces[i]</c>.
    /// </summary>
    internal static Value<IReadOnlyList<ResourceRef>> InstanceInterfaces(IResourceView r, IEstateBuilder e)
    {
        var refs = new List<ResourceRef>();
        var instance = Value.Of<ResourceRef?>(ResourceRef.To(r.Address), r.Provenance);
        var i = 0;
        foreach (var spec in r.Blocks("NetworkInterfaces"))
        {
            var index = spec.OptionalInt("DeviceIndex");
            if (spec.Has("NetworkInterfaceId"))
            {
                var named = spec.Ref("NetworkInterfaceId");
                if (named.IsUnknown)
                {
                    return Value.Unknown<IReadOnlyList<ResourceRef>>(named.UnknownReason!, named.Source);
                }

                refs.Add(named.Get()!);
            }
            else
            {
                var eni = Interface(spec, $"{r.Address}.NetworkInterfaces[{i}]", instance, index) with { SourceType = r.Type, Tags = r.Tags("Tags") };
                e.Add(eni);
                refs.Add(ResourceRef.To(eni.Address));
            }

            i++;
        }

        return Value.Of<IReadOnlyList<ResourceRef>>(refs, r.At("NetworkInterfaces"));
    }

    // An AWS::EC2::NetworkInterface and an inline interface of an instance share these properties.
    private static NetworkInterface Interface(IResourceView r, string address, Value<ResourceRef?> instance, Value<int?> index) => new()
    {
        Address = address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
        Subnet = r.RefOrNull("SubnetId"),
        SecurityGroups = r.RefsOrEmpty("GroupSet"),
        PrivateIps = PrivateIps(r),
        AttachedInstance = instance,
        DeviceIndex = index,
        SourceDestCheck = r.Bool("SourceDestCheck", true),
    };

    private static Value<IReadOnlyList<string>> PrivateIps(IResourceView r)
    {
        var listed = NetworkPathsTerraformMappers.Cidrs(r.Blocks("PrivateIpAddresses"), r.At("PrivateIpAddresses"), "PrivateIpAddress");
        if (listed.IsUnknown || listed.Get().Count > 0 || !r.Has("PrivateIpAddress"))
        {
            return listed;
        }

        return r.SingleAsList("PrivateIpAddress");
    }
}
