using PciZone.Estate;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Model;

/// <summary>A VPC as the engine sees it: its address blocks, gateways and the tables its subnets default to.</summary>
internal sealed class VpcNode(Vpc vpc)
{
    public Vpc Resource { get; } = vpc;

    public string Address => Resource.Address;

    /// <summary>Primary and secondary IPv4 blocks; empty when unknown.</summary>
    public List<Range> Cidrs { get; } = [];

    public RouteTable? MainRouteTable { get; set; }

    public NetworkAcl? DefaultAcl { get; set; }

    public List<InternetGateway> InternetGateways { get; } = [];

    public List<TransitGatewayVpcAttachment> TgwAttachments { get; } = [];

    /// <summary>The VPC's default security groups in the estate: an interface that names none is in them.</summary>
    public List<SecurityGroup> DefaultGroups { get; } = [];

    public bool Contains(Range r)
    {
        foreach (var c in Cidrs)
        {
            if (c.Lo <= r.Lo && r.Hi <= c.Hi)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A subnet with the route table and network ACL that actually apply to it.</summary>
internal sealed class SubnetNode(Subnet subnet, int index)
{
    public Subnet Resource { get; } = subnet;

    public string Address => Resource.Address;

    /// <summary>Dense index for per-pair caches.</summary>
    public int Index { get; } = index;

    public VpcNode? Vpc { get; set; }

    /// <summary>The CIDR, or null when not known until apply.</summary>
    public Range? Cidr { get; set; }

    /// <summary>The explicit association, else the VPC's main table; null when neither is in the estate.</summary>
    public RouteTable? RouteTable { get; set; }

    /// <summary>The explicit association, else the VPC's default ACL; null means AWS's default ACL (allow all).</summary>
    public NetworkAcl? Acl { get; set; }

    /// <summary>True for the CDE tags on the subnet itself.</summary>
    public IReadOnlyDictionary<string, string> Tags => Resource.Tags;
}
