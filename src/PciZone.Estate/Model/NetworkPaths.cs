namespace PciZone.Estate;

/// <summary>
/// An elastic network interface: a standalone <c>aws_network_interface</c> or
/// <c>AWS::EC2::NetworkInterface</c>, joined with its attachment.
/// </summary>
public sealed record NetworkInterface : Resource
{
    /// <summary>Subnet.</summary>
    public Value<ResourceRef?> Subnet { get; init; }

    /// <summary>Security groups.</summary>
    public Value<IReadOnlyList<ResourceRef>> SecurityGroups { get; init; }

    /// <summary>Private IPv4 addresses, when set in the input; empty when AWS assigns them.</summary>
    public Value<IReadOnlyList<string>> PrivateIps { get; init; }

    /// <summary>Instance it is attached to, or null.</summary>
    public Value<ResourceRef?> AttachedInstance { get; init; }

    /// <summary>Device index of the attachment (0 is the primary interface).</summary>
    public Value<int> DeviceIndex { get; init; }

    /// <summary>Source/destination check (default true); false on routing appliances.</summary>
    public Value<bool> SourceDestCheck { get; init; }
}

/// <summary>An elastic IP, joined with its <c>aws_eip_association</c> when there is one.</summary>
public sealed record ElasticIp : Resource
{
    /// <summary>Instance the address is associated with, or null.</summary>
    public Value<ResourceRef?> Instance { get; init; }

    /// <summary>Network interface the address is associated with, or null.</summary>
    public Value<ResourceRef?> NetworkInterface { get; init; }
}

/// <summary>A VPC peering connection, joined with its accepter and options.</summary>
public sealed record VpcPeeringConnection : Resource
{
    /// <summary>Requester VPC.</summary>
    public Value<ResourceRef?> RequesterVpc { get; init; }

    /// <summary>Accepter VPC (a literal id when it lives outside the estate).</summary>
    public Value<ResourceRef?> AccepterVpc { get; init; }

    /// <summary>The connection is accepted (<c>auto_accept</c>, or an accepter resource with <c>auto_accept</c>).</summary>
    public Value<bool> Accepted { get; init; }
}

/// <summary>A transit gateway VPC attachment.</summary>
public sealed record TransitGatewayVpcAttachment : Resource
{
    /// <summary>Transit gateway.</summary>
    public Value<ResourceRef?> TransitGateway { get; init; }

    /// <summary>VPC.</summary>
    public Value<ResourceRef?> Vpc { get; init; }

    /// <summary>Subnets the attachment places its interfaces in.</summary>
    public Value<IReadOnlyList<ResourceRef>> Subnets { get; init; }

    /// <summary>Associated with the transit gateway's default route table (default true).</summary>
    public Value<bool> DefaultRouteTableAssociation { get; init; }

    /// <summary>Propagates into the transit gateway's default route table (default true).</summary>
    public Value<bool> DefaultRouteTablePropagation { get; init; }
}

/// <summary>
/// A transit gateway route table joined with its <c>aws_ec2_transit_gateway_route</c>s, associations
/// and propagations.
/// </summary>
public sealed record TransitGatewayRouteTable : Resource
{
    /// <summary>Transit gateway.</summary>
    public Value<ResourceRef?> TransitGateway { get; init; }

    /// <summary>Static routes.</summary>
    public IReadOnlyList<TransitGatewayRoute> Routes { get; init; } = [];

    /// <summary>Attachments associated with this table (their traffic is routed by it).</summary>
    public IReadOnlyList<Value<ResourceRef?>> Associations { get; init; } = [];

    /// <summary>Attachments whose VPC CIDRs propagate into this table.</summary>
    public IReadOnlyList<Value<ResourceRef?>> Propagations { get; init; } = [];
}

/// <summary>A static transit gateway route: to an attachment, or a blackhole.</summary>
public sealed record TransitGatewayRoute(
    Value<string?> DestinationCidr,
    Value<ResourceRef?> Attachment,
    Value<bool> Blackhole,
    Provenance Source);

/// <summary>A VPC endpoint (gateway, interface or Gateway Load Balancer).</summary>
public sealed record VpcEndpoint : Resource
{
    /// <summary>VPC.</summary>
    public Value<ResourceRef?> Vpc { get; init; }

    /// <summary><c>Gateway</c> (the default), <c>Interface</c> or <c>GatewayLoadBalancer</c>.</summary>
    public Value<string> EndpointType { get; init; }

    /// <summary>Service name, for example <c>com.amazonaws.eu-west-1.s3</c>.</summary>
    public Value<string?> ServiceName { get; init; }

    /// <summary>Route tables a gateway endpoint adds its prefix-list route to (joined with association resources).</summary>
    public Value<IReadOnlyList<ResourceRef>> RouteTables { get; init; }

    /// <summary>Subnets of an interface endpoint (joined with association resources).</summary>
    public Value<IReadOnlyList<ResourceRef>> Subnets { get; init; }

    /// <summary>Security groups of an interface endpoint.</summary>
    public Value<IReadOnlyList<ResourceRef>> SecurityGroups { get; init; }

    /// <summary>Private DNS for an interface endpoint.</summary>
    public Value<bool> PrivateDnsEnabled { get; init; }
}

/// <summary>A customer-managed prefix list joined with its entries.</summary>
public sealed record ManagedPrefixList : Resource
{
    /// <summary><c>IPv4</c> or <c>IPv6</c>.</summary>
    public Value<string> AddressFamily { get; init; }

    /// <summary>CIDR entries.</summary>
    public Value<IReadOnlyList<string>> Cidrs { get; init; }
}

/// <summary>An egress-only internet gateway (IPv6).</summary>
public sealed record EgressOnlyInternetGateway : Resource
{
    /// <summary>VPC.</summary>
    public Value<ResourceRef?> Vpc { get; init; }
}

/// <summary>A virtual private gateway (the VPC side of a site-to-site VPN or Direct Connect).</summary>
public sealed record VpnGateway : Resource
{
    /// <summary>Attached VPC.</summary>
    public Value<ResourceRef?> Vpc { get; init; }
}

/// <summary>A load-balancer target group joined with its target attachments.</summary>
public sealed record TargetGroup : Resource
{
    /// <summary><c>instance</c> (the default), <c>ip</c>, <c>lambda</c> or <c>alb</c>.</summary>
    public Value<string> TargetType { get; init; }

    /// <summary>Protocol, upper-case.</summary>
    public Value<string?> Protocol { get; init; }

    /// <summary>Port traffic is sent to.</summary>
    public Value<int?> Port { get; init; }

    /// <summary>VPC.</summary>
    public Value<ResourceRef?> Vpc { get; init; }

    /// <summary>Registered targets: instances, functions or load balancers by reference, IPs as literals.</summary>
    public IReadOnlyList<TargetGroupTarget> Targets { get; init; } = [];
}

/// <summary>One registered target; <see cref="Port"/> overrides the group's port.</summary>
public sealed record TargetGroupTarget(Value<ResourceRef?> Target, Value<int?> Port, Provenance Source);

/// <summary>A DB subnet group (RDS, Aurora, DocumentDB, Neptune).</summary>
public sealed record DbSubnetGroup : Resource
{
    /// <summary>Subnets.</summary>
    public Value<IReadOnlyList<ResourceRef>> Subnets { get; init; }
}
