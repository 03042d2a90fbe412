namespace PciZone.Estate;

/// <summary>An S3 bucket joined with its companion resources (versioning, encryption, public access block, policy, logging, object lock, lifecycle, ACL).</summary>
public sealed record S3Bucket : Resource
{
    /// <summary>Bucket name.</summary>
    public Value<string> BucketName { get; init; }

    /// <summary>Default encryption; null inside a known value means no explicit configuration (S3 then applies SSE-S3).</summary>
    public Value<S3Encryption?> Encryption { get; init; }

    /// <summary>Versioning enabled (Suspended and never-enabled are false).</summary>
    public Value<bool> VersioningEnabled { get; init; }

    /// <summary>MFA delete enabled.</summary>
    public Value<bool> MfaDelete { get; init; }

    /// <summary>Bucket-level public access block; null when none is configured.</summary>
    public Value<PublicAccessBlock?> PublicAccessBlock { get; init; }

    /// <summary>Bucket policy; null when the bucket has none.</summary>
    public Value<PolicyDocument?> Policy { get; init; }

    /// <summary>Server access logging; null when off.</summary>
    public Value<S3Logging?> Logging { get; init; }

    /// <summary>Object Lock; null when off.</summary>
    public Value<S3ObjectLock?> ObjectLock { get; init; }

    /// <summary>Lifecycle rules (empty when none).</summary>
    public Value<IReadOnlyList<S3LifecycleRule>> Lifecycle { get; init; }

    /// <summary>Canned ACL (<c>private</c>, <c>public-read</c> ...).</summary>
    public Value<string> Acl { get; init; }

    /// <summary>Explicit ACL grants (an access control policy rather than a canned ACL); empty when none.</summary>
    public Value<IReadOnlyList<S3AclGrant>> AclGrants { get; init; }

    /// <summary>Object ownership (<c>BucketOwnerEnforced</c> disables ACLs).</summary>
    public Value<string?> ObjectOwnership { get; init; }

    /// <summary>Event notifications: the bucket sends object events to SNS, SQS, Lambda or EventBridge.</summary>
    public Value<bool> EventNotifications { get; init; }

    /// <summary>Replication configuration; null when the bucket replicates nothing.</summary>
    public Value<S3Replication?> Replication { get; init; }
}

/// <summary>A bucket's replication configuration.</summary>
/// <param name="Rules">The replication rules.</param>
public sealed record S3Replication(IReadOnlyList<S3ReplicationRule> Rules);

/// <summary>One replication rule.</summary>
/// <param name="Id">Rule id (or its position).</param>
/// <param name="Enabled">Status is Enabled.</param>
/// <param name="DestinationBucket">The destination bucket (a link, or its ARN).</param>
public sealed record S3ReplicationRule(string Id, Value<bool> Enabled, Value<ResourceRef?> DestinationBucket);

/// <summary>One explicit ACL grant.</summary>
/// <param name="GranteeType"><c>CanonicalUser</c>, <c>Group</c> or <c>AmazonCustomerByEmail</c>.</param>
/// <param name="GranteeUri">The group URI for a <c>Group</c> grantee, else null.</param>
/// <param name="Permission"><c>READ</c>, <c>WRITE</c>, <c>READ_ACP</c>, <c>WRITE_ACP</c> or <c>FULL_CONTROL</c>.</param>
public sealed record S3AclGrant(string GranteeType, string? GranteeUri, string Permission)
{
    /// <summary>True when the grantee is everyone (AllUsers) or any AWS account (AuthenticatedUsers).</summary>
    public bool IsPublic => GranteeUri is { } uri &&
                            (uri.EndsWith("/global/AllUsers", StringComparison.Ordinal) ||
                             uri.EndsWith("/global/AuthenticatedUsers", StringComparison.Ordinal));
}

/// <summary>Default bucket encryption.</summary>
/// <param name="Algorithm"><c>AES256</c>, <c>aws:kms</c> or <c>aws:kms:dsse</c>.</param>
public sealed record S3Encryption(Value<string> Algorithm, Value<ResourceRef?> KmsKey, Value<bool> BucketKeyEnabled);

/// <summary>Block Public Access settings (bucket or account level).</summary>
public sealed record PublicAccessBlock(
    Value<bool> BlockPublicAcls,
    Value<bool> BlockPublicPolicy,
    Value<bool> IgnorePublicAcls,
    Value<bool> RestrictPublicBuckets)
{
    /// <summary>All four settings known and true.</summary>
    public bool AllTrue => BlockPublicAcls.GetOrDefault() && BlockPublicPolicy.GetOrDefault() &&
                           IgnorePublicAcls.GetOrDefault() && RestrictPublicBuckets.GetOrDefault();

    /// <summary>Any of the four settings unknown.</summary>
    public bool AnyUnknown => BlockPublicAcls.IsUnknown || BlockPublicPolicy.IsUnknown ||
                              IgnorePublicAcls.IsUnknown || RestrictPublicBuckets.IsUnknown;
}

/// <summary>Server access logging target.</summary>
public sealed record S3Logging(Value<ResourceRef?> TargetBucket, Value<string?> TargetPrefix);

/// <summary>Object Lock configuration.</summary>
/// <param name="Mode"><c>GOVERNANCE</c> or <c>COMPLIANCE</c>, null without a default retention.</param>
public sealed record S3ObjectLock(Value<bool> Enabled, Value<string?> Mode, Value<int?> RetentionDays);

/// <summary>One lifecycle rule.</summary>
public sealed record S3LifecycleRule(
    string Id,
    Value<bool> Enabled,
    Value<int?> ExpirationDays,
    Value<int?> NoncurrentExpirationDays,
    IReadOnlyList<S3Transition> Transitions);

/// <summary>A lifecycle transition.</summary>
public sealed record S3Transition(Value<int?> Days, Value<string> StorageClass);

/// <summary>Account-level S3 Block Public Access.</summary>
public sealed record S3AccountPublicAccessBlock : Resource
{
    /// <summary>The four settings.</summary>
    public required PublicAccessBlock Settings { get; init; }
}

/// <summary>An S3 access point or a Multi-Region Access Point with its Block Public Access settings.</summary>
public sealed record S3AccessPoint : Resource
{
    /// <summary>Access point name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>True for a Multi-Region Access Point.</summary>
    public bool MultiRegion { get; init; }

    /// <summary>The access point's Block Public Access settings (AWS turns all four on when none are given).</summary>
    public Value<PublicAccessBlock?> PublicAccessBlock { get; init; }
}
