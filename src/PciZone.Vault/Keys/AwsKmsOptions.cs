namespace PciZone.Vault.Keys;

/// <summary>
/// How to reach the AWS KMS key that wraps data keys, without SDK types (the CLI builds this from its
/// configuration). Without explicit credentials the SDK's default chain is used (environment, profile,
/// instance or task role). <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class AwsKmsOptions
{
    /// <summary>Creates options for a key ARN (<c>arn:aws:kms:region:account:key/id</c>).</summary>
    public AwsKmsOptions(string keyArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyArn);
        KeyArn = keyArn;
    }

    /// <summary>The KMS key ARN.</summary>
    public string KeyArn { get; }

    /// <summary>A KMS-compatible endpoint (VPC endpoint, emulator); null for the public regional endpoint.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>The region; null to take it from <see cref="KeyArn"/>.</summary>
    public string? Region { get; init; }

    /// <summary>Explicit access key id; null for the SDK's default credential chain.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>Explicit secret access key (with <see cref="AccessKeyId"/>).</summary>
    public string? SecretAccessKey { get; init; }

    /// <summary>Session token for temporary credentials, or null.</summary>
    public string? SessionToken { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"aws-kms {KeyArn}";
}
