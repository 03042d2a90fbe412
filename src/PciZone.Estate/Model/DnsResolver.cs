namespace PciZone.Estate;

/// <summary>
/// A Route 53 Resolver query logging configuration: where the DNS queries made from associated VPCs
/// are logged.
/// </summary>
public sealed record ResolverQueryLogConfig : Resource
{
    /// <summary>Name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>Destination: a CloudWatch Logs group, an S3 bucket or a Firehose stream.</summary>
    public Value<ResourceRef?> Destination { get; init; }
}

/// <summary>
/// The association of a query logging configuration with a VPC. A record of its own rather than a
/// join: the configuration may be shared from another account (RAM) and live outside the input.
/// </summary>
public sealed record ResolverQueryLogConfigAssociation : Resource
{
    /// <summary>Query logging configuration.</summary>
    public Value<ResourceRef?> Config { get; init; }

    /// <summary>VPC whose queries are logged.</summary>
    public Value<ResourceRef?> Vpc { get; init; }
}
