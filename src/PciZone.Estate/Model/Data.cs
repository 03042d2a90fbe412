namespace PciZone.Estate;

/// <summary>An RDS DB instance.</summary>
public sealed record RdsInstance : Resource
{
    /// <summary>Engine.</summary>
    public Value<string?> Engine { get; init; }

    /// <summary>DB instance identifier; Unknown when AWS or Terraform generates it.</summary>
    public Value<string?> Identifier { get; init; }

    /// <summary>Engine version as written; null when unset (AWS picks its default version for the engine).</summary>
    public Value<string?> EngineVersion { get; init; }

    /// <summary>
    /// The DB parameter group (<see cref="RdsParameterGroup"/>); null when none is written (the engine's
    /// default group). Inherited (Unknown) for a read replica or restore that names none.
    /// </summary>
    public Value<ResourceRef?> ParameterGroup { get; init; }

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

    /// <summary>
    /// VPC security groups; empty when none is written (AWS then attaches the default security group of
    /// the subnet group's VPC). Inherited (Unknown) for a cluster member, which takes the cluster's.
    /// </summary>
    public Value<IReadOnlyList<ResourceRef>> VpcSecurityGroups { get; init; }

    /// <summary>
    /// The DB subnet group (<see cref="DbSubnetGroup"/>); null when none is written (AWS then uses the default
    /// VPC's default subnet group). Inherited (Unknown) for a cluster member or read replica that names none.
    /// </summary>
    public Value<ResourceRef?> SubnetGroup { get; init; }
}

/// <summary>An RDS (Aurora) DB cluster.</summary>
public sealed record RdsCluster : Resource
{
    /// <summary>Engine.</summary>
    public Value<string?> Engine { get; init; }

    /// <summary>DB cluster identifier; Unknown when AWS or Terraform generates it.</summary>
    public Value<string?> Identifier { get; init; }

    /// <summary>Engine version as written; null when unset (AWS picks its default version for the engine).</summary>
    public Value<string?> EngineVersion { get; init; }

    /// <summary>The DB cluster parameter group (<see cref="RdsParameterGroup"/>); null when none is written (the engine's default group).</summary>
    public Value<ResourceRef?> ParameterGroup { get; init; }

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

    /// <summary>VPC security groups; empty when none is written (AWS then attaches the VPC's default security group).</summary>
    public Value<IReadOnlyList<ResourceRef>> VpcSecurityGroups { get; init; }

    /// <summary>The DB subnet group (<see cref="DbSubnetGroup"/>); null when none is written (the default VPC's default subnet group).</summary>
    public Value<ResourceRef?> SubnetGroup { get; init; }
}

/// <summary>A DynamoDB table.</summary>
public sealed record DynamoDbTable : Resource
{
    /// <summary>Table name; Unknown when CloudFormation generates it.</summary>
    public Value<string?> Name { get; init; }

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

    /// <summary>
    /// Protocols (<c>application</c>, <c>firehose</c>, <c>http</c>, <c>lambda</c>, <c>sqs</c>) whose delivery
    /// status SNS logs to CloudWatch Logs: a success or failure feedback role is set. Empty when none.
    /// </summary>
    public Value<IReadOnlyList<string>> DeliveryStatusLogging { get; init; }
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
