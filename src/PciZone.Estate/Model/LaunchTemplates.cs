namespace PciZone.Estate;

/// <summary>
/// What an instance is launched from: an EC2 launch template (<c>aws_launch_template</c>,
/// <c>AWS::EC2::LaunchTemplate</c>) or an Auto Scaling launch configuration. Both carry the same
/// settings that rules judge before any instance exists.
/// </summary>
public sealed record LaunchTemplate : Resource
{
    /// <summary>True for an Auto Scaling launch configuration, false for an EC2 launch template.</summary>
    public bool IsLaunchConfiguration { get; init; }

    /// <summary>IMDS token setting: <c>required</c> (IMDSv2 only) or <c>optional</c>.</summary>
    public Value<string> MetadataHttpTokens { get; init; }

    /// <summary>IMDS endpoint: <c>enabled</c> or <c>disabled</c>.</summary>
    public Value<string> MetadataHttpEndpoint { get; init; }

    /// <summary>Hops an IMDSv2 token response may travel (1 keeps it on the host).</summary>
    public Value<int> MetadataHopLimit { get; init; }

    /// <summary>
    /// Whether instances get a public IPv4 address: true when any network interface asks for one,
    /// false when all say no, null when none says (the subnet's setting decides).
    /// </summary>
    public Value<bool?> AssociatePublicIp { get; init; }

    /// <summary>User data as text (decoded from base64); null when none; Unknown when the input shows only a hash.</summary>
    public Value<string?> UserData { get; init; }

    /// <summary>Nitro Enclaves are enabled on instances launched from it (default false; launch templates only).</summary>
    public Value<bool> EnclaveEnabled { get; init; }

    /// <summary>Security groups instances launched from it get: the template's own and its network interfaces'.</summary>
    public Value<IReadOnlyList<ResourceRef>> SecurityGroups { get; init; }
}

/// <summary>Account and region setting that blocks public sharing of EBS snapshots.</summary>
public sealed record EbsSnapshotBlockPublicAccess : Resource
{
    /// <summary><c>block-all-sharing</c>, <c>block-new-sharing</c> or <c>unblocked</c>.</summary>
    public Value<string> State { get; init; }
}

/// <summary>Account and region setting that blocks public sharing of AMIs.</summary>
public sealed record ImageBlockPublicAccess : Resource
{
    /// <summary><c>block-new-sharing</c> or <c>unblocked</c>.</summary>
    public Value<string> State { get; init; }
}
