using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// Network interfaces, elastic IPs, VPC peering, egress-only and virtual private gateways and managed
/// prefix lists from a Terraform plan, joined with the companions Terraform splits them into.
/// </summary>
internal sealed class NetworkPathsTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_network_interface", Interface);
        registry.Companion("aws_network_interface_attachment", InterfaceAttachment);
        registry.Companion("aws_network_interface_sg_attachment", InterfaceGroup);
        registry.Primary("aws_eip", (r, e) => e.Add(new ElasticIp
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Instance = r.RefOrNull("instance"),
            NetworkInterface = r.RefOrNull("network_interface"),
        }));
        registry.Companion("aws_eip_association", (r, e) =>
        {
            var (instance, eni) = (r.RefOrNull("instance_id"), r.RefOrNull("network_interface_id"));
            e.Join<ElasticIp>(r, r.FirstRef("allocation_id", "public_ip"), x => x with { Instance = instance, NetworkInterface = eni });
        });
        registry.Primary("aws_vpc_peering_connection", Peering);
        registry.Companion("aws_vpc_peering_connection_accepter", PeeringAccepter);
        registry.Companion("aws_vpc_peering_connection_options", (r, e) =>
            e.Join<VpcPeeringConnection>(r, NetworkPathJoins.Canonical(e, r.Ref("vpc_peering_connection_id")), p => DnsOptions(r, p)));
        registry.Primary("aws_egress_only_internet_gateway", (r, e) => e.Add(new EgressOnlyInternetGateway
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Vpc = r.Ref("vpc_id"),
        }));
        registry.Primary("aws_vpn_gateway", (r, e) => e.Add(new VpnGateway
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Vpc = r.RefOrNull("vpc_id"),
        }));
        registry.Companion("aws_vpn_gateway_attachment", (r, e) =>
        {
            var gateway = r.Ref("vpn_gateway_id");
            if (e.Join<VpnGateway>(r, gateway, g => g with { Vpc = r.Ref("vpc_id") }))
            {
                NetworkPathJoins.Rewrite(e, r, gateway.Get()!.Address!);
            }
        });
        registry.Primary("aws_ec2_managed_prefix_list", (r, e) => e.Add(new ManagedPrefixList
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            AddressFamily = r.TextOrDefault("address_family", "IPv4"),
            Cidrs = Cidrs(r.Blocks("entry"), r.At("entry")),
        }));
        registry.Companion("aws_ec2_managed_prefix_list_entry", (r, e) =>
        {
            var cidr = r.String("cidr");
            e.Join<ManagedPrefixList>(r, r.Ref("prefix_list_id"), l => l with { Cidrs = NetworkConnectivityTerraformMappers.Append(l.Cidrs, cidr) });
        });
    }

    /// <summary>The interfaces an instance names in its <c>network_interface</c> blocks; empty without any.</summary>
    internal static Value<IReadOnlyList<ResourceRef>> InstanceInterfaces(IResourceView r)
    {
        var interfaces = Value.Of<IReadOnlyList<ResourceRef>>([], r.At("network_interface"));
        foreach (var block in r.Blocks("network_interface"))
        {
            interfaces = NetworkPathJoins.Append(interfaces, block.Ref("network_interface_id"));
        }

        return interfaces;
    }

    private static void Interface(IResourceView r, IEstateBuilder e)
    {
        var attachment = r.Block("attachment");
        e.Add(new NetworkInterface
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Subnet = r.Ref("subnet_id"),
            SecurityGroups = r.RefsOrEmpty("security_groups"),
            PrivateIps = PrivateIps(r),
            AttachedInstance = attachment is null ? Value.Default<ResourceRef?>(null, r.At("attachment")) : attachment.Ref("instance"),
            DeviceIndex = attachment is null ? Value.Default<int?>(null, r.At("attachment")) : attachment.OptionalInt("device_index"),
            SourceDestCheck = r.BoolOrDefault("source_dest_check", true),
        });
    }

    // The three ways of writing addresses; none written means AWS picks one from the subnet.
    private static Value<IReadOnlyList<string>> PrivateIps(IResourceView r) =>
        r.IsWritten("private_ip_list") ? r.Strings("private_ip_list")
        : r.IsWritten("private_ips") ? r.Strings("private_ips")
        : r.IsWritten("private_ip") ? r.SingleAsList("private_ip")
        : Value.Default<IReadOnlyList<string>>([], r.At("private_ips"));

    private static void InterfaceAttachment(IResourceView r, IEstateBuilder e)
    {
        var (instance, index) = (r.Ref("instance_id"), r.OptionalInt("device_index"));
        var eni = r.Ref("network_interface_id");
        if (e.Join<NetworkInterface>(r, eni, n => n with { AttachedInstance = instance, DeviceIndex = index }))
        {
            NetworkPathJoins.Rewrite(e, r, eni.Get()!.Address!);
        }
    }

    // The interface may be an instance's primary one (primary_network_interface_id): its groups are the instance's.
    private static void InterfaceGroup(IResourceView r, IEstateBuilder e)
    {
        var (group, eni) = (r.Ref("security_group_id"), r.Ref("network_interface_id"));
        if (NetworkPathJoins.Exists<Ec2Instance>(e, eni))
        {
            e.Join<Ec2Instance>(r, eni, i => i with { SecurityGroups = NetworkPathJoins.Append(i.SecurityGroups, group) });
            return;
        }

        e.Join<NetworkInterface>(r, eni, n => n with { SecurityGroups = NetworkPathJoins.Append(n.SecurityGroups, group) });
    }

    private static void Peering(IResourceView r, IEstateBuilder e)
    {
        var autoAccept = r.Bool("auto_accept", false);

        // A request to another account or region is accepted there, maybe by a plan this one cannot see.
        var elsewhere = r.IsWritten("peer_owner_id") || r.IsWritten("peer_region");
        e.Add(DnsOptions(r, new VpcPeeringConnection
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            RequesterVpc = r.Ref("vpc_id"),
            AccepterVpc = r.Ref("peer_vpc_id"),
            Accepted = autoAccept.GetOrDefault() || !elsewhere
                ? autoAccept
                : Value.Unknown<bool>("the peer account or region accepts the request, outside this plan", r.At("peer_owner_id")),
            RequesterAllowsRemoteVpcDnsResolution = Value.Default(false, r.Provenance),
            AccepterAllowsRemoteVpcDnsResolution = Value.Default(false, r.Provenance),
        }));
    }

    private static void PeeringAccepter(IResourceView r, IEstateBuilder e)
    {
        var connection = NetworkPathJoins.Canonical(e, r.Ref("vpc_peering_connection_id"));
        var autoAccept = r.Bool("auto_accept", false);
        if (!NetworkPathJoins.Exists<VpcPeeringConnection>(e, connection))
        {
            // The request lives in another plan: this accepter is all the estate knows of the connection.
            e.Add(DnsOptions(r, new VpcPeeringConnection
            {
                Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
                RequesterVpc = r.Ref("peer_vpc_id"),
                AccepterVpc = r.Ref("vpc_id"),
                Accepted = autoAccept,
                RequesterAllowsRemoteVpcDnsResolution = Value.Default(false, r.Provenance),
                AccepterAllowsRemoteVpcDnsResolution = Value.Default(false, r.Provenance),
            }));
            return;
        }

        e.Join<VpcPeeringConnection>(r, connection, p => DnsOptions(r, p) with { Accepted = autoAccept.GetOrDefault() ? autoAccept : p.Accepted });
        NetworkPathJoins.Rewrite(e, r, connection.Get()!.Address!);
    }

    // The accepter and requester blocks of a connection, its accepter or its options resource.
    private static VpcPeeringConnection DnsOptions(IResourceView r, VpcPeeringConnection p) => p with
    {
        RequesterAllowsRemoteVpcDnsResolution = DnsOption(r, "requester", p.RequesterAllowsRemoteVpcDnsResolution),
        AccepterAllowsRemoteVpcDnsResolution = DnsOption(r, "accepter", p.AccepterAllowsRemoteVpcDnsResolution),
    };

    private static Value<bool> DnsOption(IResourceView r, string side, Value<bool> current) =>
        r.Block(side) is { } block && block.IsWritten("allow_remote_vpc_dns_resolution")
            ? block.Bool("allow_remote_vpc_dns_resolution", false)
            : current;

    /// <summary>The CIDRs of prefix-list entry blocks; one unknown entry makes the list unknown.</summary>
    internal static Value<IReadOnlyList<string>> Cidrs(IReadOnlyList<IResourceView> entries, Provenance at, string path = "cidr")
    {
        var cidrs = new List<string>(entries.Count);
        foreach (var cidr in entries.Select(b => b.String(path)))
        {
            if (cidr.IsUnknown)
            {
                return Value.Unknown<IReadOnlyList<string>>(cidr.UnknownReason!, cidr.Source);
            }

            if (!string.IsNullOrEmpty(cidr.Get()))
            {
                cidrs.Add(cidr.Get()!);
            }
        }

        return Value.Of<IReadOnlyList<string>>(cidrs, at);
    }
}
