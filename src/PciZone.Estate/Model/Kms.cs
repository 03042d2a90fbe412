namespace PciZone.Estate;

/// <summary>A KMS key joined with its key policy (<c>aws_kms_key_policy</c>) and aliases.</summary>
public sealed record KmsKey : Resource
{
    /// <summary>Description.</summary>
    public Value<string?> Description { get; init; }

    /// <summary><c>ENCRYPT_DECRYPT</c>, <c>SIGN_VERIFY</c>, <c>GENERATE_VERIFY_MAC</c>.</summary>
    public Value<string> KeyUsage { get; init; }

    /// <summary><c>SYMMETRIC_DEFAULT</c>, <c>RSA_2048</c> ...</summary>
    public Value<string> KeySpec { get; init; }

    /// <summary>Automatic rotation.</summary>
    public Value<bool> RotationEnabled { get; init; }

    /// <summary>Rotation period in days (90-2560; AWS default 365).</summary>
    public Value<int?> RotationPeriodDays { get; init; }

    /// <summary>Pending-deletion window in days (7-30, default 30).</summary>
    public Value<int> DeletionWindowDays { get; init; }

    /// <summary>Key enabled.</summary>
    public Value<bool> IsEnabled { get; init; }

    /// <summary>Multi-region key.</summary>
    public Value<bool> MultiRegion { get; init; }

    /// <summary>Key policy; null means the AWS default key policy.</summary>
    public Value<PolicyDocument?> Policy { get; init; }

    /// <summary>
    /// True when the author wrote a key policy (on the key or in <c>aws_kms_key_policy</c>), even when
    /// its text is unknown until apply; false when the key falls back to the AWS default key policy.
    /// </summary>
    public Value<bool> PolicyDefined { get; init; }

    /// <summary>
    /// Where the key material comes from: <c>AWS_KMS</c> (default), <c>EXTERNAL</c> (imported),
    /// <c>AWS_CLOUDHSM</c> or <c>EXTERNAL_KEY_STORE</c> (custom key stores).
    /// </summary>
    public Value<string> Origin { get; init; }

    /// <summary>Alias names pointing at the key.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Symmetric encryption key (the only kind that supports automatic rotation).</summary>
    public bool IsSymmetricEncryption =>
        KeySpec.GetOrDefault("SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT" &&
        KeyUsage.GetOrDefault("ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT";
}
