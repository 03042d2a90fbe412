using PciZone.Estate;
using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Model;

/// <summary>Yes, no, or not known until apply.</summary>
internal enum Tri
{
    No,
    Yes,
    Unknown,
}

/// <summary>
/// A system: something with addresses in the network (an instance, a database, a load balancer, a
/// function attached to a VPC, an interface endpoint, a NAT gateway, ...).
/// </summary>
internal sealed class SystemNode(Resource resource, int index)
{
    public Resource Resource { get; } = resource;

    public string Address => Resource.Address;

    public int Index { get; } = index;

    public List<Attachment> Attachments { get; } = [];

    /// <summary>False for systems that never accept connections (Lambda functions, NAT gateways).</summary>
    public bool AcceptsInbound { get; set; } = true;

    /// <summary>False for systems that only forward others' connections (NAT gateways).</summary>
    public bool Initiates { get; set; } = true;

    /// <summary>
    /// The protocols and ports the system answers on (a 4-dimensional set with full address
    /// dimensions), or null for any: a load balancer answers only on its listeners.
    /// </summary>
    public BoxSet? Listens { get; set; }

    /// <summary>Where a load balancer forwards: target systems and the ports it sends to.</summary>
    public List<(SystemNode Target, BoxSet Traffic, string Via)> Forwards { get; } = [];

    /// <summary>Security-impacting by nature (load balancers, NAT gateways, endpoints, firewalls).</summary>
    public bool IsNetworkComponent { get; set; }

    /// <summary>
    /// For EKS: the public API endpoint's allowed CIDRs (reachable from the internet on tcp/443 outside
    /// the VPC path), else null.
    /// </summary>
    public Value<IReadOnlyList<string>>? PublicEndpointCidrs { get; set; }
}

/// <summary>One network presence of a system: a subnet, the addresses it may hold there, its groups.</summary>
internal sealed class Attachment(SystemNode system, SubnetNode subnet, int index)
{
    public SystemNode System { get; } = system;

    public SubnetNode Subnet { get; } = subnet;

    public int Index { get; } = index;

    /// <summary>A /32 when the private IP is in the input, else the subnet's block.</summary>
    public Range Address { get; set; }

    /// <summary>True when <see cref="Address"/> is the one address (not "somewhere in the subnet").</summary>
    public bool ExactAddress { get; set; }

    public List<SecurityGroup> Groups { get; } = [];

    /// <summary>Group membership is not known (unknown list or unresolved reference).</summary>
    public bool GroupsUnknown { get; set; }

    /// <summary>False for interfaces that security groups do not filter (NAT gateways, NLBs without groups).</summary>
    public bool Filtered { get; set; } = true;

    /// <summary>Has a public IPv4 address (auto-assigned, elastic, or an internet-facing load balancer).</summary>
    public Tri Public { get; set; }

    /// <summary>Provenance of the public address decision, for evidence.</summary>
    public string PublicBecause { get; set; } = "";

    public bool HasGroup(SecurityGroup g)
    {
        foreach (var x in Groups)
        {
            if (ReferenceEquals(x, g))
            {
                return true;
            }
        }

        return false;
    }
}
