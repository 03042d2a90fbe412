namespace PciZone.Estate;

/// <summary>A Secrets Manager secret joined with its rotation and resource policy.</summary>
public sealed record SecretsManagerSecret : Resource
{
    /// <summary>Secret name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>KMS key; null means the AWS managed key <c>aws/secretsmanager</c>.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }

    /// <summary>Automatic rotation configured (a rotation resource or schedule joined in).</summary>
    public Value<bool> RotationEnabled { get; init; }

    /// <summary>
    /// The longest interval between two rotations in days; null when rotation is off. Unknown when the
    /// schedule cannot be reduced to an interval offline.
    /// </summary>
    public Value<int?> RotationIntervalDays { get; init; }

    /// <summary>Resource policy; null when none is attached.</summary>
    public Value<PolicyDocument?> Policy { get; init; }
}

/// <summary>Amazon Inspector (v2) enabled for accounts and resource types (<c>aws_inspector2_enabler</c>).</summary>
public sealed record InspectorEnabler : Resource
{
    /// <summary>Scan types enabled: <c>EC2</c>, <c>ECR</c>, <c>LAMBDA</c>, <c>LAMBDA_CODE</c>.</summary>
    public Value<IReadOnlyList<string>> ResourceTypes { get; init; }

    /// <summary>Accounts the enabler applies to.</summary>
    public Value<IReadOnlyList<string>> AccountIds { get; init; }
}

/// <summary>Amazon Inspector's organisation configuration: what new member accounts get.</summary>
public sealed record InspectorOrganizationConfiguration : Resource
{
    /// <summary>EC2 scanning auto-enabled.</summary>
    public Value<bool> AutoEnableEc2 { get; init; }

    /// <summary>ECR scanning auto-enabled.</summary>
    public Value<bool> AutoEnableEcr { get; init; }

    /// <summary>Lambda standard scanning auto-enabled.</summary>
    public Value<bool> AutoEnableLambda { get; init; }

    /// <summary>Lambda code scanning auto-enabled.</summary>
    public Value<bool> AutoEnableLambdaCode { get; init; }
}

/// <summary>Amazon Macie enabled in an account (<c>aws_macie2_account</c>, <c>AWS::Macie::Session</c>).</summary>
public sealed record MacieAccount : Resource
{
    /// <summary><c>ENABLED</c> or <c>PAUSED</c>.</summary>
    public Value<string?> Status { get; init; }
}

/// <summary>A Systems Manager document.</summary>
public sealed record SsmDocument : Resource
{
    /// <summary>Document name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>Document type (<c>Command</c>, <c>Session</c>, <c>Automation</c> ...).</summary>
    public Value<string?> DocumentType { get; init; }

    /// <summary>Account ids the document is shared with; <c>All</c> makes it public.</summary>
    public Value<IReadOnlyList<string>> SharedWith { get; init; }

    /// <summary>Session Manager preferences, for Session documents of session type Standard_Stream; else null.</summary>
    public Value<SessionManagerPreferences?> SessionPreferences { get; init; }
}

/// <summary>The <c>inputs</c> of a Session Manager preferences document.</summary>
/// <param name="S3Bucket">Bucket that receives session logs; null when none.</param>
/// <param name="S3EncryptionEnabled">Session logs in S3 only go to an encrypted bucket.</param>
/// <param name="LogGroup">Log group that receives session logs; null when none.</param>
/// <param name="CloudWatchEncryptionEnabled">Session logs only go to an encrypted log group.</param>
/// <param name="KmsKeyId">KMS key that encrypts session data; null when none.</param>
/// <param name="IdleTimeoutMinutes">Idle session timeout; AWS's default is 20 minutes.</param>
public sealed record SessionManagerPreferences(
    Value<string?> S3Bucket,
    Value<bool> S3EncryptionEnabled,
    Value<string?> LogGroup,
    Value<bool> CloudWatchEncryptionEnabled,
    Value<string?> KmsKeyId,
    Value<int> IdleTimeoutMinutes);

/// <summary>A Systems Manager Parameter Store parameter.</summary>
public sealed record SsmParameter : Resource
{
    /// <summary>Parameter name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary><c>String</c>, <c>StringList</c> or <c>SecureString</c>.</summary>
    public Value<string?> Type { get; init; }

    /// <summary>KMS key of a SecureString; null means the AWS managed key <c>alias/aws/ssm</c>.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }
}
