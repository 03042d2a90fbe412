namespace PciZone.Estate;

/// <summary>An RDS DB instance.</summary>
public sealed record RdsInstance : Resource
{
    /// <summary>Engine.</summary>
    public Value<string?> Engine { get; init; }

    /// <summary>Storage encrypted.</summary>
    public Value<bool> StorageEncrypted { get; init; }

    /// <summary>KMS key.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }

    /// <summary>Publicly accessible.</summary>
    public Value<bool> PubliclyAccessible { get; init; }

    /// <summary>Multi-AZ.</summary>
    public Value<bool> MultiAz { get; init; }

    /// <summary>Backup retention period in days.</summary>
    public Value<int> BackupRetentionDays { get; init; }

    /// <summary>Deletion protection.</summary>
    public Value<bool> DeletionProtection { get; init; }

    /// <summary>IAM database authentication.</summary>
    public Value<bool> IamAuthentication { get; init; }

    /// <summary>Automatic minor version upgrades.</summary>
    public Value<bool> AutoMinorVersionUpgrade { get; init; }

    /// <summary>Log types exported to CloudWatch Logs.</summary>
    public Value<IReadOnlyList<string>> LogExports { get; init; }

    /// <summary>The CA certificate of the server's TLS certificate; null when unset (AWS applies its current default CA).</summary>
    public Value<string?> CaCertificate { get; init; }

    /// <summary>Master user name; inherited (Unknown) for cluster members, replicas and restores.</summary>
    public Value<string?> MasterUsername { get; init; }

    /// <summary>The cluster the instance belongs to, when any (storage settings then come from the cluster).</summary>
    public Value<ResourceRef?> Cluster { get; init; }

    /// <summary>
    /// True when the instance is known to belong to a cluster, whose settings then govern its storage
    /// encryption, backups, deletion protection and log exports.
    /// </summary>
    public bool IsClusterMember => Cluster.GetOrDefault() is not null;
}

/// <summary>An RDS (Aurora) DB cluster.</summary>
public sealed record RdsCluster : Resource
{
    /// <summary>Engine.</summary>
    public Value<string?> Engine { get; init; }

    /// <summary>Storage encrypted.</summary>
    public Value<bool> StorageEncrypted { get; init; }

    /// <summary>KMS key.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }

    /// <summary>Backup retention period in days.</summary>
    public Value<int> BackupRetentionDays { get; init; }

    /// <summary>Deletion protection.</summary>
    public Value<bool> DeletionProtection { get; init; }

    /// <summary>IAM database authentication.</summary>
    public Value<bool> IamAuthentication { get; init; }

    /// <summary>Log types exported to CloudWatch Logs.</summary>
    public Value<IReadOnlyList<string>> LogExports { get; init; }

    /// <summary>Master user name; inherited (Unknown) for restores, replicas and secondary clusters.</summary>
    public Value<string?> MasterUsername { get; init; }

    /// <summary>Automatic minor version upgrades (cluster-level setting; AWS default true).</summary>
    public Value<bool> AutoMinorVersionUpgrade { get; init; }
}

/// <summary>A DynamoDB table.</summary>
public sealed record DynamoDbTable : Resource
{
    /// <summary>Customer-managed or AWS-managed KMS encryption (false means the AWS-owned default key).</summary>
    public Value<bool> KmsEncryption { get; init; }

    /// <summary>KMS key when customer-managed.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }

    /// <summary>Point-in-time recovery.</summary>
    public Value<bool> PointInTimeRecovery { get; init; }

    /// <summary>Deletion protection.</summary>
    public Value<bool> DeletionProtection { get; init; }
}

/// <summary>An SNS topic.</summary>
public sealed record SnsTopic : Resource
{
    /// <summary>KMS key; null when not encrypted.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }

    /// <summary>Topic policy.</summary>
    public Value<PolicyDocument?> Policy { get; init; }
}

/// <summary>An SQS queue joined with its <c>aws_sqs_queue_policy</c>.</summary>
public sealed record SqsQueue : Resource
{
    /// <summary>KMS key; null when not set.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }

    /// <summary>SQS-managed SSE.</summary>
    public Value<bool> SqsManagedSse { get; init; }

    /// <summary>Queue policy.</summary>
    public Value<PolicyDocument?> Policy { get; init; }
}
