namespace PciZone.Estate;

/// <summary>A VPC.</summary>
public sealed record Vpc : Resource
{
    /// <summary>IPv4 CIDR block.</summary>
    public Value<string?> CidrBlock { get; init; }

    /// <summary>
    /// Secondary IPv4 CIDR blocks (<c>aws_vpc_ipv4_cidr_block_association</c>, <c>AWS::EC2::VPCCidrBlock</c>);
    /// unknown when one is allocated from IPAM at apply.
    /// </summary>
    public Value<IReadOnlyList<string>> SecondaryCidrBlocks { get; init; }

    /// <summary>The account's default VPC (<c>aws_default_vpc</c>).</summary>
    public bool IsDefault { get; init; }
}

/// <summary>A subnet.</summary>
public sealed record Subnet : Resource
{
    /// <summary>Owning VPC.</summary>
    public Value<ResourceRef?> Vpc { get; init; }

    /// <summary>IPv4 CIDR block.</summary>
    public Value<string?> CidrBlock { get; init; }

    /// <summary>Instances launched here get a public IPv4 address.</summary>
    public Value<bool> MapPublicIpOnLaunch { get; init; }

    /// <summary>Availability zone.</summary>
    public Value<string?> AvailabilityZone { get; init; }
}

/// <summary>A route table joined with its <c>aws_route</c>s and subnet associations.</summary>
public sealed record RouteTable : Resource
{
    /// <summary>Owning VPC.</summary>
    public Value<ResourceRef?> Vpc { get; init; }

    /// <summary>Routes.</summary>
    public IReadOnlyList<Route> Routes { get; init; } = [];

    /// <summary>Associated subnets.</summary>
    public IReadOnlyList<Value<ResourceRef?>> SubnetAssociations { get; init; } = [];

    /// <summary>
    /// Virtual private gateways that propagate their (on-premises) routes into this table
    /// (<c>propagating_vgws</c>, <c>aws_vpn_gateway_route_propagation</c>, <c>AWS::EC2::VPNGatewayRoutePropagation</c>).
    /// </summary>
    public IReadOnlyList<Value<ResourceRef?>> PropagatingVpnGateways { get; init; } = [];

    /// <summary>The VPC's main route table.</summary>
    public bool IsMain { get; init; }
}

/// <summary>What a route sends traffic to.</summary>
public enum RouteTargetKind
{
    /// <summary>Not known.</summary>
    Unknown,

    /// <summary>Internet gateway.</summary>
    InternetGateway,

    /// <summary>Egress-only internet gateway.</summary>
    EgressOnlyInternetGateway,

    /// <summary>NAT gateway.</summary>
    NatGateway,

    /// <summary>Transit gateway.</summary>
    TransitGateway,

    /// <summary>VPC peering connection.</summary>
    VpcPeering,

    /// <summary>VPC endpoint.</summary>
    VpcEndpoint,

    /// <summary>Network interface or instance.</summary>
    NetworkInterface,

    /// <summary>Virtual private gateway.</summary>
    VirtualPrivateGateway,

    /// <summary>Local (within the VPC).</summary>
    Local,
}

/// <summary>
/// One route. <paramref name="Target"/> is the estate address of the gateway, peering connection, endpoint,
/// interface (or instance) it names when the input links it (an accepter or attachment companion is replaced
/// by the resource it joined), else the literal id. <paramref name="DestinationPrefixList"/> is a
/// <see cref="ManagedPrefixList"/> address when linked, else the literal <c>pl-</c> id.
/// </summary>
public sealed record Route(
    Value<string?> DestinationCidr,
    Value<string?> DestinationIpv6Cidr,
    Value<string?> DestinationPrefixList,
    RouteTargetKind TargetKind,
    Value<ResourceRef?> Target,
    Provenance Source);

/// <summary>An internet gateway.</summary>
public sealed record InternetGateway : Resource
{
    /// <summary>Attached VPC.</summary>
    public Value<ResourceRef?> Vpc { get; init; }
}

/// <summary>A NAT gateway.</summary>
public sealed record NatGateway : Resource
{
    /// <summary>Subnet it lives in.</summary>
    public Value<ResourceRef?> Subnet { get; init; }

    /// <summary>Elastic IPs it uses (<c>allocation_id</c> and secondary allocations); empty for a private gateway.</summary>
    public Value<IReadOnlyList<ResourceRef>> ElasticIps { get; init; }

    /// <summary><c>public</c> or <c>private</c>.</summary>
    public Value<string> ConnectivityType { get; init; }
}

/// <summary>A security group joined with its standalone rule resources.</summary>
public sealed record SecurityGroup : Resource
{
    /// <summary>Group name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>Description.</summary>
    public Value<string?> Description { get; init; }

    /// <summary>Owning VPC; null when none is named (the region's default VPC).</summary>
    public Value<ResourceRef?> Vpc { get; init; }

    /// <summary>The VPC's default group (<c>aws_default_security_group</c>).</summary>
    public bool IsDefault { get; init; }

    /// <summary>Inbound rules.</summary>
    public IReadOnlyList<SecurityGroupRule> Ingress { get; init; } = [];

    /// <summary>Outbound rules.</summary>
    public IReadOnlyList<SecurityGroupRule> Egress { get; init; } = [];

    /// <summary>True when any rule's content is unknown (for example rules whose group could not be resolved).</summary>
    public bool HasUnknownRules { get; init; }
}

/// <summary>
/// One security-group rule. Protocol is normalised: <c>-1</c> for all, otherwise the lower-case name
/// (<c>tcp</c>, <c>udp</c>, <c>icmp</c>) or number. Ports are inclusive; all-protocol rules use 0-65535.
/// <paramref name="PrefixLists"/> holds the estate address of a <see cref="ManagedPrefixList"/> (or of the
/// <see cref="VpcEndpoint"/> whose service prefix list is named) when the input links it, else the literal
/// <c>pl-</c> id (an AWS-managed list).
/// </summary>
public sealed record SecurityGroupRule(
    Value<string> Protocol,
    Value<int> FromPort,
    Value<int> ToPort,
    Value<IReadOnlyList<string>> Ipv4Cidrs,
    Value<IReadOnlyList<string>> Ipv6Cidrs,
    Value<IReadOnlyList<string>> PrefixLists,
    Value<IReadOnlyList<ResourceRef>> SourceGroups,
    bool Self,
    string? Description,
    Provenance Source)
{
    /// <summary>True when the rule's port range (known) includes <paramref name="port"/>, or it allows every protocol.</summary>
    public bool CoversPort(int port) =>
        Protocol.GetOrDefault() == "-1" ||
        (FromPort.IsKnown && ToPort.IsKnown && FromPort.Get() <= port && port <= ToPort.Get());
}

/// <summary>A network ACL joined with its <c>aws_network_acl_rule</c>s and subnet associations.</summary>
public sealed record NetworkAcl : Resource
{
    /// <summary>Owning VPC.</summary>
    public Value<ResourceRef?> Vpc { get; init; }

    /// <summary>Associated subnets.</summary>
    public IReadOnlyList<Value<ResourceRef?>> Subnets { get; init; } = [];

    /// <summary>Entries in both directions.</summary>
    public IReadOnlyList<NetworkAclEntry> Entries { get; init; } = [];

    /// <summary>The VPC's default ACL.</summary>
    public bool IsDefault { get; init; }
}

/// <summary>One NACL entry. Protocol normalised as for security-group rules.</summary>
public sealed record NetworkAclEntry(
    Value<int> RuleNumber,
    bool Egress,
    Value<string> Protocol,
    Value<string> Action,
    Value<string?> Ipv4Cidr,
    Value<string?> Ipv6Cidr,
    Value<int> FromPort,
    Value<int> ToPort,
    Provenance Source);

/// <summary>A VPC flow log.</summary>
public sealed record FlowLog : Resource
{
    /// <summary>The VPC, subnet or ENI it watches.</summary>
    public Value<ResourceRef?> Target { get; init; }

    /// <summary><c>ACCEPT</c>, <c>REJECT</c> or <c>ALL</c>.</summary>
    public Value<string> TrafficType { get; init; }

    /// <summary><c>cloud-watch-logs</c>, <c>s3</c> or <c>kinesis-data-firehose</c>.</summary>
    public Value<string> DestinationType { get; init; }

    /// <summary>Destination.</summary>
    public Value<ResourceRef?> Destination { get; init; }
}
