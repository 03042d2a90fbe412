namespace PciZone.Estate;

/// <summary>An AWS Organizations organisation: its root is the top of the OU tree.</summary>
public sealed record Organization : Resource
{
    /// <summary><c>ALL</c> (SCPs and other policy types available) or <c>CONSOLIDATED_BILLING</c>.</summary>
    public Value<string?> FeatureSet { get; init; }
}

/// <summary>An organisational unit with its parent (the root, i.e. the organisation, or another OU).</summary>
public sealed record OrganizationalUnit : Resource
{
    /// <summary>OU name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>The parent: an OU, the organisation (root), or a literal <c>r-</c>/<c>ou-</c> id.</summary>
    public Value<ResourceRef?> Parent { get; init; }
}

/// <summary>A member account created by the organisation, with the OU (or root) it sits in.</summary>
public sealed record OrganizationAccount : Resource
{
    /// <summary>Account name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>The parent OU or root; the root when the input names none.</summary>
    public Value<ResourceRef?> Parent { get; init; }
}

/// <summary>An Organizations policy (SCP, tag, backup ... policy) joined with its attachments.</summary>
public sealed record OrganizationPolicy : Resource
{
    /// <summary>The SERVICE_CONTROL_POLICY type name.</summary>
    public const string ServiceControlPolicy = "SERVICE_CONTROL_POLICY";

    /// <summary>Policy name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>Policy type (<see cref="ServiceControlPolicy"/>, <c>TAG_POLICY</c> ...).</summary>
    public Value<string?> PolicyType { get; init; }

    /// <summary>The parsed content.</summary>
    public Value<PolicyDocument?> Document { get; init; }

    /// <summary>
    /// Characters of the content as AWS receives it (the quota counts them). Exact for a JSON string;
    /// for a CloudFormation object it is the minified JSON of the parsed document.
    /// </summary>
    public Value<int> ContentLength { get; init; }

    /// <summary>
    /// Targets the policy is attached to (Terraform <c>aws_organizations_policy_attachment</c>,
    /// CloudFormation <c>TargetIds</c>): an OU, the organisation (its root) or an account, or literal ids.
    /// </summary>
    public IReadOnlyList<Value<ResourceRef?>> Targets { get; init; } = [];

    /// <summary>True when the type is known to be SERVICE_CONTROL_POLICY.</summary>
    public bool IsScp => PolicyType.GetOrDefault() == ServiceControlPolicy;
}

/// <summary>An IAM Identity Center permission set joined with its managed and inline policies.</summary>
public sealed record PermissionSet : Resource
{
    /// <summary>Permission set name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>ISO-8601 session duration (<c>PT1H</c> is AWS's default).</summary>
    public Value<string?> SessionDuration { get; init; }

    /// <summary>Attached AWS managed policies by ARN.</summary>
    public IReadOnlyList<Value<ResourceRef?>> ManagedPolicies { get; init; } = [];

    /// <summary>The inline policy; known null when there is none.</summary>
    public Value<PolicyDocument?> InlinePolicy { get; init; }
}

/// <summary>An Identity Center account assignment: a user or group gets a permission set in an account.</summary>
public sealed record AccountAssignment : Resource
{
    /// <summary>The permission set.</summary>
    public Value<ResourceRef?> PermissionSet { get; init; }

    /// <summary><c>USER</c> or <c>GROUP</c>.</summary>
    public Value<string?> PrincipalType { get; init; }

    /// <summary>The target account (an estate account or a literal account id).</summary>
    public Value<ResourceRef?> Target { get; init; }
}

/// <summary>An alternate contact (billing, operations or security) registered for an account.</summary>
public sealed record AccountAlternateContact : Resource
{
    /// <summary><c>SECURITY</c>, <c>OPERATIONS</c> or <c>BILLING</c>.</summary>
    public Value<string?> ContactType { get; init; }

    /// <summary>The member account; null for the account the input is applied in.</summary>
    public Value<ResourceRef?> Account { get; init; }
}

/// <summary>
/// A member account registered as delegated administrator of a service: through Organizations
/// (<c>aws_organizations_delegated_administrator</c>) or the service's own admin-account API (GuardDuty,
/// Security Hub, Inspector, Macie).
/// </summary>
public sealed record DelegatedAdministrator : Resource
{
    /// <summary>The service principal (<c>guardduty.amazonaws.com</c>, <c>config.amazonaws.com</c> ...).</summary>
    public Value<string?> ServicePrincipal { get; init; }

    /// <summary>The delegated account: an estate account or a literal account id.</summary>
    public Value<ResourceRef?> Account { get; init; }
}
