namespace PciZone.LandingZone.Spec;

/// <summary>A place in the spec file (1-based); 0 when a value came from a default.</summary>
public readonly record struct SpecMark(int Line, int Column)
{
    /// <summary>No place: the value is a default.</summary>
    public static SpecMark None => default;
}

/// <summary>The whole landing-zone spec after reading and defaulting. Validation is separate (<see cref="SpecValidator"/>).</summary>
public sealed record ZoneSpec(
    string File,
    OrganizationSpec Organization,
    IReadOnlyList<AccountSpec> Accounts,
    NetworkSpec Network,
    IdentitySpec Identity,
    LoggingSpec Logging,
    StateSpec State,
    GuardrailSpec Guardrails,
    IReadOnlyList<KeyValuePair<string, string>> Tags)
{
    /// <summary>The account with the given key, or null.</summary>
    public AccountSpec? Account(string key) => Accounts.FirstOrDefault(a => a.Key == key);

    /// <summary>Every VPC of every account, in spec order.</summary>
    public IEnumerable<(AccountSpec Account, VpcSpec Vpc)> Vpcs() =>
        Accounts.SelectMany(a => a.Vpcs.Select(v => (a, v)));
}

/// <summary>The organisation: its name (used in resource names), regions and the two privileged roles.</summary>
public sealed record OrganizationSpec(
    string Name,
    string HomeRegion,
    IReadOnlyList<string> AllowedRegions,
    string DeploymentRole,
    string BreakGlassRole,
    SpecMark Mark,
    SpecMark NameMark,
    SpecMark HomeRegionMark,
    IReadOnlyList<SpecMark> AllowedRegionMarks)
{
    /// <summary>Who AWS tells about security issues in every account (the SECURITY alternate contact, PCI 12.10.1).</summary>
    public SecurityContactSpec? SecurityContact { get; init; }
}

/// <summary>The SECURITY alternate contact of every account.</summary>
public sealed record SecurityContactSpec(string Name, string Title, string Email, string Phone, SpecMark Mark);

/// <summary>One member account (or the management account) and where it sits.</summary>
public sealed record AccountSpec(
    string Key,
    string Email,
    string Ou,
    bool CardholderData,
    IReadOnlyList<VpcSpec> Vpcs,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    SpecMark Mark,
    SpecMark EmailMark,
    SpecMark OuMark);

/// <summary>A workload VPC: one per account and region.</summary>
public sealed record VpcSpec(
    string Region,
    string Cidr,
    bool InternetEdge,
    string? DomainName,
    SpecMark Mark,
    SpecMark CidrMark,
    SpecMark RegionMark);

/// <summary>Network-wide settings: the transit gateway and the subnet layout of every VPC.</summary>
public sealed record NetworkSpec(
    long TransitGatewayAsn,
    int AvailabilityZones,
    int SubnetNewbits,
    int AppPort,
    int DbPort,
    SpecMark AsnMark,
    SpecMark AzMark,
    SpecMark NewbitsMark);

/// <summary>IAM Identity Center: the instance (enabled by hand once) and group-to-permission-set assignments.</summary>
public sealed record IdentitySpec(
    string InstanceArn,
    string IdentityStoreId,
    IReadOnlyList<GroupSpec> Groups,
    SpecMark InstanceMark,
    SpecMark StoreMark);

/// <summary>One Identity Center group, its permission set and the accounts it may enter.</summary>
public sealed record GroupSpec(
    string Name,
    string Description,
    string PermissionSet,
    IReadOnlyList<string> Accounts,
    SpecMark Mark,
    SpecMark PermissionSetMark,
    IReadOnlyList<SpecMark> AccountMarks);

/// <summary>Log retention (PCI 10.5.1) and the alarm mailbox.</summary>
public sealed record LoggingSpec(
    int RetentionDays,
    int ImmediatelyAvailableDays,
    string ObjectLockMode,
    string? AlarmEmail,
    SpecMark RetentionMark,
    SpecMark ImmediateMark,
    SpecMark LockModeMark);

/// <summary>Where every stage keeps its Terraform state (bootstrapped by hand once).</summary>
public sealed record StateSpec(string Bucket, string Region, string KeyPrefix, SpecMark Mark);

/// <summary>Built-in guardrails left out (each with a reason) and the organisation's own SCPs.</summary>
public sealed record GuardrailSpec(IReadOnlyList<DisabledGuardrail> Disabled, IReadOnlyList<CustomPolicySpec> Custom);

/// <summary>A built-in guardrail the organisation chose not to deploy, and why.</summary>
public sealed record DisabledGuardrail(string Id, string Reason, SpecMark Mark);

/// <summary>An organisation-written SCP: its JSON document and where it is attached (OU paths, account keys or Root).</summary>
public sealed record CustomPolicySpec(
    string Name,
    string Description,
    IReadOnlyList<string> Targets,
    string DocumentJson,
    SpecMark Mark,
    IReadOnlyList<SpecMark> TargetMarks,
    SpecMark DocumentMark);
