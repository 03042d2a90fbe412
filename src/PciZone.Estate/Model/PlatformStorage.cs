namespace PciZone.Estate;

/// <summary>An EFS file system joined with its backup policy and file system policy.</summary>
public sealed record EfsFileSystem : Resource
{
    /// <summary>Encrypted at rest.</summary>
    public Value<bool> Encrypted { get; init; }

    /// <summary>KMS key; null means the AWS managed key <c>aws/elasticfilesystem</c> when encrypted.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }

    /// <summary>Automatic backups (the EFS backup policy) enabled.</summary>
    public Value<bool> AutomaticBackups { get; init; }

    /// <summary>File system policy; null when none (EFS then grants full access to any client that can reach a mount target).</summary>
    public Value<PolicyDocument?> Policy { get; init; }
}

/// <summary>An EFS access point.</summary>
public sealed record EfsAccessPoint : Resource
{
    /// <summary>The file system.</summary>
    public Value<ResourceRef?> FileSystem { get; init; }

    /// <summary>A POSIX user is enforced for every request through the access point.</summary>
    public Value<bool> EnforcesPosixUser { get; init; }

    /// <summary>Root directory exposed by the access point (default <c>/</c>).</summary>
    public Value<string?> RootDirectoryPath { get; init; }
}

/// <summary>An AWS Backup vault joined with its access policy and vault lock.</summary>
public sealed record BackupVault : Resource
{
    /// <summary>Vault name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>KMS key; null means the AWS managed key <c>aws/backup</c>.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }

    /// <summary>Vault access policy; null when none.</summary>
    public Value<PolicyDocument?> Policy { get; init; }

    /// <summary>Vault lock; null when the vault is not locked.</summary>
    public Value<BackupVaultLock?> Lock { get; init; }
}

/// <summary>A vault lock. With a grace time (<c>ChangeableForDays</c>) the lock is in compliance mode, else governance mode.</summary>
public sealed record BackupVaultLock(Value<int?> MinRetentionDays, Value<int?> MaxRetentionDays, Value<int?> ChangeableForDays)
{
    /// <summary>Compliance mode: nobody, not even the root user, can delete the lock after the grace time.</summary>
    public Value<bool> IsComplianceMode => ChangeableForDays.Map(d => d is not null);
}

/// <summary>An AWS Backup plan.</summary>
public sealed record BackupPlan : Resource
{
    /// <summary>Plan name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>The plan's rules.</summary>
    public Value<IReadOnlyList<BackupPlanRule>> Rules { get; init; }
}

/// <summary>One rule of a backup plan.</summary>
/// <param name="Name">Rule name.</param>
/// <param name="Schedule">Cron schedule (AWS default <c>cron(0 5 ? * * *)</c>).</param>
/// <param name="DeleteAfterDays">Retention in days; null keeps recovery points forever.</param>
public sealed record BackupPlanRule(string Name, Value<string?> Schedule, Value<int?> DeleteAfterDays)
{
    /// <summary>Retention in days of each copy action's copies; null keeps those copies forever. Empty without copy actions.</summary>
    public IReadOnlyList<Value<int?>> CopyDeleteAfterDays { get; init; } = [];
}

/// <summary>An AWS Backup selection: the resources one plan protects.</summary>
public sealed record BackupSelection : Resource
{
    /// <summary>The plan.</summary>
    public Value<ResourceRef?> Plan { get; init; }

    /// <summary>Resources selected by ARN (links, literal ARNs or ARN patterns with <c>*</c>).</summary>
    public Value<IReadOnlyList<ResourceRef>> Resources { get; init; }

    /// <summary>Tag conditions (equality) that select resources; any one match selects.</summary>
    public Value<IReadOnlyList<KeyValuePair<string, string>>> SelectionTags { get; init; }

    /// <summary>Resources excluded by ARN (links, literal ARNs or ARN patterns with <c>*</c>); empty when none.</summary>
    public Value<IReadOnlyList<ResourceRef>> NotResources { get; init; }

    /// <summary>
    /// Tag conditions (<c>condition</c>, <c>Conditions</c>) that every selected resource must meet (AND);
    /// they narrow what <see cref="Resources"/> and <see cref="SelectionTags"/> pick. Empty when none.
    /// </summary>
    public Value<IReadOnlyList<BackupTagCondition>> Conditions { get; init; }
}

/// <summary>One tag condition of a backup selection.</summary>
/// <param name="Operator"><c>StringEquals</c>, <c>StringLike</c>, <c>StringNotEquals</c> or <c>StringNotLike</c>.</param>
/// <param name="Key">The tag key, without the <c>aws:ResourceTag/</c> prefix.</param>
/// <param name="Value">The value or, for the Like operators, a pattern with <c>*</c>.</param>
public sealed record BackupTagCondition(string Operator, string Key, string Value);
