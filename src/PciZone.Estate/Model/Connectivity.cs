namespace PciZone.Estate;

/// <summary>A transit gateway.</summary>
public sealed record TransitGateway : Resource
{
    /// <summary>Attachments from accounts it is shared with are accepted without review.</summary>
    public Value<bool> AutoAcceptSharedAttachments { get; init; }

    /// <summary>New attachments are associated with the default route table.</summary>
    public Value<bool> DefaultRouteTableAssociation { get; init; }

    /// <summary>New attachments propagate their routes into the default route table.</summary>
    public Value<bool> DefaultRouteTablePropagation { get; init; }
}

/// <summary>A VPC endpoint service (PrivateLink provider side) joined with its allowed principals.</summary>
public sealed record VpcEndpointService : Resource
{
    /// <summary>Connection requests wait for the provider's acceptance.</summary>
    public Value<bool> AcceptanceRequired { get; init; }

    /// <summary>Principal ARNs allowed to connect; <c>*</c> allows every AWS account.</summary>
    public Value<IReadOnlyList<string>> AllowedPrincipals { get; init; }
}

/// <summary>A Client VPN endpoint.</summary>
public sealed record ClientVpnEndpoint : Resource
{
    /// <summary>Connection attempts are logged to CloudWatch Logs.</summary>
    public Value<bool> ConnectionLogging { get; init; }
}

/// <summary>One Client VPN authorization rule: who may reach a destination network.</summary>
public sealed record ClientVpnAuthorizationRule : Resource
{
    /// <summary>Client VPN endpoint.</summary>
    public Value<ResourceRef?> Endpoint { get; init; }

    /// <summary>Destination network.</summary>
    public Value<string?> TargetNetworkCidr { get; init; }

    /// <summary>Every authenticated client is authorised, whatever its group.</summary>
    public Value<bool> AuthorizeAllGroups { get; init; }

    /// <summary>Directory or SAML group authorised, or null.</summary>
    public Value<string?> AccessGroupId { get; init; }
}

/// <summary>A Site-to-Site VPN connection.</summary>
public sealed record VpnConnection : Resource
{
    /// <summary>Tunnel activity logging to CloudWatch Logs, per tunnel (two tunnels).</summary>
    public IReadOnlyList<Value<bool>> TunnelLogging { get; init; } = [];
}
