namespace PciZone.Estate;

/// <summary>
/// An elastic network interface: a standalone <c>aws_network_interface</c> or
/// <c>AWS::EC2::NetworkInterface</c>, joined with its attachment and security-group attachments.
/// A CloudFormation instance that describes an interface inline (<c>NetworkInterfaces</c> without a
/// <c>NetworkInterfaceId</c>) gets one at <c>&lt;instance&gt;.NetworkInterfaces[i]</c>. The implicit
/// primary interface of an instance launched with a subnet is not a record: the instance's own
/// subnet, security groups and private IP describe it.
/// </summary>
public sealed record NetworkInterface : Resource
{
    /// <summary>Subnet.</summary>
    public Value<ResourceRef?> Subnet { get; init; }

    /// <summary>Security groups (joined with <c>aws_network_interface_sg_attachment</c>); empty means the VPC's default group.</summary>
    public Value<IReadOnlyList<ResourceRef>> SecurityGroups { get; init; }

    /// <summary>Private IPv4 addresses, when set in the input; empty when AWS assigns them (from the subnet).</summary>
    public Value<IReadOnlyList<string>> PrivateIps { get; init; }

    /// <summary>
    /// Instance it is attached to by its own <c>attachment</c> block, an attachment resource
    /// (<c>aws_network_interface_attachment</c>, <c>AWS::EC2::NetworkInterfaceAttachment</c>), or (for an
    /// inline CloudFormation interface) its instance; else null. An instance can also name the interface in
    /// its own interface list: see <see cref="Ec2Instance.NetworkInterfaces"/>; the attachments of an
    /// interface are the union of both.
    /// </summary>
    public Value<ResourceRef?> AttachedInstance { get; init; }

    /// <summary>Device index of the attachment (0 is the primary interface); null when not attached.</summary>
    public Value<int?> DeviceIndex { get; init; }

    /// <summary>Source/destination check (default true); false on routing appliances.</summary>
    public Value<bool> SourceDestCheck { get; init; }
}

/// <summary>
/// An elastic IP, joined with its <c>aws_eip_association</c> or <c>AWS::EC2::EIPAssociation</c>. NAT
/// gateways and network load balancers name their addresses themselves
/// (<see cref="NatGateway.ElasticIps"/>, <see cref="LoadBalancer.ElasticIps"/>).
/// </summary>
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

    /// <summary>
    /// The connection is accepted: <c>auto_accept</c>, or a joined accepter resource with <c>auto_accept</c>
    /// (Terraform); CloudFormation accepts a same-account request, and a cross-account one through
    /// <c>PeerRoleArn</c>. Unknown when acceptance happens outside the input (another account's plan).
    /// </summary>
    public Value<bool> Accepted { get; init; }

    /// <summary>The requester VPC may resolve the accepter VPC's private DNS names (peering options; default false).</summary>
    public Value<bool> RequesterAllowsRemoteVpcDnsResolution { get; init; }

    /// <summary>The accepter VPC may resolve the requester VPC's private DNS names (peering options; default false).</summary>
    public Value<bool> AccepterAllowsRemoteVpcDnsResolution { get; init; }
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

    /// <summary>
    /// Associated with the transit gateway's default route table (default true). It takes effect only
    /// when the gateway has one (<see cref="TransitGateway.DefaultRouteTableAssociation"/>); a CloudFormation
    /// attachment always follows the gateway's setting. Joined from the accepter in a cross-account attachment.
    /// </summary>
    public Value<bool> DefaultRouteTableAssociation { get; init; }

    /// <summary>Propagates into the transit gateway's default route table (default true); as <see cref="DefaultRouteTableAssociation"/>.</summary>
    public Value<bool> DefaultRouteTablePropagation { get; init; }
}

/// <summary>
/// A transit gateway route table joined with its <c>aws_ec2_transit_gateway_route</c>s, associations
/// and propagations. Each transit gateway whose default association or propagation is enabled also
/// gets its default table, at <c>&lt;gateway&gt;.default_route_table</c> (<see cref="IsDefault"/>): routes,
/// associations and propagations that name the gateway's default table join into it. Attachments
/// associated or propagated by default (<see cref="TransitGatewayVpcAttachment.DefaultRouteTableAssociation"/>)
/// are not listed in it: the network model adds them.
/// </summary>
public sealed record TransitGatewayRouteTable : Resource
{
    /// <summary>The transit gateway's default route table, implied by the gateway rather than declared.</summary>
    public bool IsDefault { get; init; }

    /// <summary>Transit gateway.</summary>
    public Value<ResourceRef?> TransitGateway { get; init; }

    /// <summary>Static routes.</summary>
    public IReadOnlyList<TransitGatewayRoute> Routes { get; init; } = [];

    /// <summary>Attachments associated with this table (their traffic is routed by it); accepter addresses are replaced by their attachment's.</summary>
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

    /// <summary>Security groups of an interface endpoint (joined with association resources); empty means the VPC's default group.</summary>
    public Value<IReadOnlyList<ResourceRef>> SecurityGroups { get; init; }

    /// <summary>Private DNS for an interface endpoint (default false in both readers' inputs).</summary>
    public Value<bool> PrivateDnsEnabled { get; init; }

    /// <summary>Endpoint policy; null when none is written (the service's default full-access policy).</summary>
    public Value<PolicyDocument?> Policy { get; init; }
}

/// <summary>
/// A customer-managed prefix list joined with its entries. Security-group rules and routes that name a
/// prefix list hold its estate address when the input links to it (see <see cref="SecurityGroupRule.PrefixLists"/>).
/// </summary>
public sealed record ManagedPrefixList : Resource
{
    /// <summary>Name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary><c>IPv4</c> or <c>IPv6</c>.</summary>
    public Value<string> AddressFamily { get; init; }

    /// <summary>CIDR entries (inline and <c>aws_ec2_managed_prefix_list_entry</c>).</summary>
    public Value<IReadOnlyList<string>> Cidrs { get; init; }
}

/// <summary>An egress-only internet gateway (IPv6).</summary>
public sealed record EgressOnlyInternetGateway : Resource
{
    /// <summary>VPC.</summary>
    public Value<ResourceRef?> Vpc { get; init; }
}

/// <summary>
/// A virtual private gateway (the VPC side of a site-to-site VPN or Direct Connect). Route tables it
/// propagates into list it in <see cref="RouteTable.PropagatingVpnGateways"/>.
/// </summary>
public sealed record VpnGateway : Resource
{
    /// <summary>Attached VPC (<c>vpc_id</c>, <c>aws_vpn_gateway_attachment</c>, <c>AWS::EC2::VPCGatewayAttachment</c>); null when detached.</summary>
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

    /// <summary>
    /// Registered targets (<c>aws_lb_target_group_attachment</c>, CloudFormation's <c>Targets</c>):
    /// instances, functions or load balancers by reference, IPs as literals. Listeners name their groups in
    /// <see cref="Listener.DefaultTargetGroups"/>.
    /// </summary>
    public IReadOnlyList<TargetGroupTarget> Targets { get; init; } = [];
}

/// <summary>One registered target; <see cref="Port"/> overrides the group's port.</summary>
public sealed record TargetGroupTarget(Value<ResourceRef?> Target, Value<int?> Port, Provenance Source);

/// <summary>A DB subnet group (RDS, Aurora, DocumentDB, Neptune).</summary>
public sealed record DbSubnetGroup : Resource
{
    /// <summary>Name, which databases may use instead of a reference.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>Subnets.</summary>
    public Value<IReadOnlyList<ResourceRef>> Subnets { get; init; }
}
