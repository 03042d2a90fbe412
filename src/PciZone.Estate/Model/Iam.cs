namespace PciZone.Estate;

/// <summary>A managed IAM policy.</summary>
public sealed record IamPolicy : Resource
{
    /// <summary>Policy name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>The policy document.</summary>
    public Value<PolicyDocument?> Document { get; init; }

    /// <summary>
    /// Roles the policy attaches itself to (CloudFormation <c>ManagedPolicy.Roles</c>). Terraform
    /// attaches from the principal's side, so these lists stay empty there.
    /// </summary>
    public IReadOnlyList<Value<ResourceRef?>> AttachedRoles { get; init; } = [];

    /// <summary>Users the policy attaches itself to (CloudFormation <c>ManagedPolicy.Users</c>).</summary>
    public IReadOnlyList<Value<ResourceRef?>> AttachedUsers { get; init; } = [];

    /// <summary>Groups the policy attaches itself to (CloudFormation <c>ManagedPolicy.Groups</c>).</summary>
    public IReadOnlyList<Value<ResourceRef?>> AttachedGroups { get; init; } = [];
}

/// <summary>A named inline policy.</summary>
public sealed record InlinePolicy(string Name, Value<PolicyDocument?> Document, Provenance Source);

/// <summary>An IAM role joined with its inline policies and policy attachments.</summary>
public sealed record IamRole : Resource
{
    /// <summary>Role name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>Trust policy.</summary>
    public Value<PolicyDocument?> AssumeRolePolicy { get; init; }

    /// <summary>Inline policies (<c>inline_policy</c>, <c>aws_iam_role_policy</c>, <c>Policies</c>).</summary>
    public IReadOnlyList<InlinePolicy> InlinePolicies { get; init; } = [];

    /// <summary>Attached managed policies (estate links or ARNs).</summary>
    public IReadOnlyList<Value<ResourceRef?>> AttachedPolicies { get; init; } = [];

    /// <summary>Permissions boundary.</summary>
    public Value<ResourceRef?> PermissionsBoundary { get; init; }

    /// <summary>Maximum session duration in seconds.</summary>
    public Value<int> MaxSessionDuration { get; init; }
}

/// <summary>An IAM user joined with its inline policies, attachments, login profile and access keys.</summary>
public sealed record IamUser : Resource
{
    /// <summary>User name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>Inline policies.</summary>
    public IReadOnlyList<InlinePolicy> InlinePolicies { get; init; } = [];

    /// <summary>Directly attached managed policies.</summary>
    public IReadOnlyList<Value<ResourceRef?>> AttachedPolicies { get; init; } = [];

    /// <summary>Console password (login profile) declared.</summary>
    public bool HasLoginProfile { get; init; }

    /// <summary>Access keys declared for the user.</summary>
    public int AccessKeyCount { get; init; }

    /// <summary>
    /// The login profile makes the user set a new password at first sign-in. AWS's default is false;
    /// meaningful only when <see cref="HasLoginProfile"/> is true.
    /// </summary>
    public Value<bool> PasswordResetRequired { get; init; }

    /// <summary>Groups the user is declared a member of (from the user's side or a membership resource).</summary>
    public IReadOnlyList<Value<ResourceRef?>> Groups { get; init; } = [];
}

/// <summary>An IAM group joined with its inline policies and attachments.</summary>
public sealed record IamGroup : Resource
{
    /// <summary>Group name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>Inline policies.</summary>
    public IReadOnlyList<InlinePolicy> InlinePolicies { get; init; } = [];

    /// <summary>Attached managed policies.</summary>
    public IReadOnlyList<Value<ResourceRef?>> AttachedPolicies { get; init; } = [];

    /// <summary>Users that a membership resource declared from the group's side adds to the group.</summary>
    public IReadOnlyList<Value<ResourceRef?>> Members { get; init; } = [];
}

/// <summary>The account password policy.</summary>
public sealed record PasswordPolicy : Resource
{
    /// <summary>Minimum length.</summary>
    public Value<int> MinimumLength { get; init; }

    /// <summary>Requires a lower-case letter.</summary>
    public Value<bool> RequireLowercase { get; init; }

    /// <summary>Requires an upper-case letter.</summary>
    public Value<bool> RequireUppercase { get; init; }

    /// <summary>Requires a number.</summary>
    public Value<bool> RequireNumbers { get; init; }

    /// <summary>Requires a symbol.</summary>
    public Value<bool> RequireSymbols { get; init; }

    /// <summary>Maximum age in days; 0 means passwords never expire.</summary>
    public Value<int> MaxAgeDays { get; init; }

    /// <summary>How many previous passwords cannot be reused; 0 means none.</summary>
    public Value<int> ReusePrevention { get; init; }
}
