using PciZone.Estate;
using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Model;

/// <summary>
/// The estate's network, indexed for the engine: VPCs, subnets with their effective route table and
/// ACL, security groups, prefix lists, peering connections, transit gateways and the systems.
/// </summary>
internal sealed class Network
{
    public Network(AwsEstate estate)
    {
        Estate = estate;
        foreach (var v in estate.OfType<Vpc>())
        {
            var node = new VpcNode(v);
            AddCidr(node.Cidrs, v.CidrBlock.GetOrDefault());
            foreach (var c in Secondary(v))
            {
                AddCidr(node.Cidrs, c);
            }

            Vpcs[v.Address] = node;
        }

        foreach (var rt in estate.OfType<RouteTable>())
        {
            if (rt.IsMain && VpcOf(rt.Vpc) is { } vpc)
            {
                vpc.MainRouteTable = rt;
            }

            foreach (var s in rt.SubnetAssociations)
            {
                if (s.GetOrDefault()?.Address is { } a)
                {
                    _subnetRouteTable[a] = rt;
                }
            }
        }

        foreach (var acl in estate.OfType<NetworkAcl>())
        {
            if (acl.IsDefault && VpcOf(acl.Vpc) is { } vpc)
            {
                vpc.DefaultAcl = acl;
            }

            foreach (var s in acl.Subnets)
            {
                if (s.GetOrDefault()?.Address is { } a)
                {
                    _subnetAcl[a] = acl;
                }
            }
        }

        foreach (var igw in estate.OfType<InternetGateway>())
        {
            VpcOf(igw.Vpc)?.InternetGateways.Add(igw);
        }

        foreach (var att in estate.OfType<TransitGatewayVpcAttachment>())
        {
            VpcOf(att.Vpc)?.TgwAttachments.Add(att);
        }

        foreach (var s in estate.OfType<Subnet>())
        {
            var node = new SubnetNode(s, Subnets.Count) { Vpc = VpcOf(s.Vpc) };
            if (s.CidrBlock.GetOrDefault() is { } c && Cidr.TryParse(c, out var r))
            {
                node.Cidr = r;
            }

            node.RouteTable = _subnetRouteTable.GetValueOrDefault(s.Address) ?? node.Vpc?.MainRouteTable;
            node.Acl = _subnetAcl.GetValueOrDefault(s.Address) ?? node.Vpc?.DefaultAcl;
            Subnets.Add(node);
            SubnetsByAddress[s.Address] = node;
        }

        foreach (var g in estate.OfType<SecurityGroup>())
        {
            Groups[g.Address] = g;
            if (g.IsDefault && VpcOf(g.Vpc) is { } vpc)
            {
                vpc.DefaultGroups.Add(g);
            }
        }

        foreach (var pl in estate.OfType<ManagedPrefixList>())
        {
            PrefixLists[pl.Address] = pl;
        }
    }

    private readonly Dictionary<string, RouteTable> _subnetRouteTable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NetworkAcl> _subnetAcl = new(StringComparer.Ordinal);

    public AwsEstate Estate { get; }

    public Dictionary<string, VpcNode> Vpcs { get; } = new(StringComparer.Ordinal);

    public List<SubnetNode> Subnets { get; } = [];

    public Dictionary<string, SubnetNode> SubnetsByAddress { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SecurityGroup> Groups { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ManagedPrefixList> PrefixLists { get; } = new(StringComparer.Ordinal);

    public VpcNode? VpcOf(Value<ResourceRef?> v) =>
        v.GetOrDefault()?.Address is { } a ? Vpcs.GetValueOrDefault(a) : null;

    public SubnetNode? SubnetOf(ResourceRef? r) =>
        r?.Address is { } a ? SubnetsByAddress.GetValueOrDefault(a) : null;

    private static void AddCidr(List<Range> into, string? cidr)
    {
        if (cidr is not null && Cidr.TryParse(cidr, out var r))
        {
            into.Add(r);
        }
    }

    private static IReadOnlyList<string> Secondary(Vpc v) => v.SecondaryCidrBlocks.GetOrDefault() ?? [];
}
