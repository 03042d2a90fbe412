namespace PciZone.Benchmarks.Synthetic;

/// <summary>
/// The choices that make one synthetic service stack pass or fail each check. Drawn from one seeded
/// <see cref="Random"/> per plan, so the same seed and size give the same bytes. The rates are set so
/// that most resources pass, a realistic minority fail, and a few values stay unknown until apply.
/// </summary>
internal sealed class StackDice
{
    public StackDice(int index, Random random, string? name = null)
    {
        Index = index;
        Name = name ?? $"svc-{index:D5}";
        SshOpenToWorld = random.NextDouble() < 0.15;
        ImdsV2Required = random.NextDouble() < 0.7;
        RootVolumeEncrypted = random.NextDouble() < 0.8;
        PublicIp = random.NextDouble() < 0.1;
        EbsEncrypted = random.NextDouble() < 0.85;
        KeyRotation = random.NextDouble() < 0.75;
        DbPublic = random.NextDouble() < 0.05;
        DbEncrypted = random.NextDouble() < 0.9;
        DbBackupDays = random.NextDouble() < 0.8 ? 7 : 1;
        DbDeletionProtection = random.NextDouble() < 0.7;
        DbLogExports = random.NextDouble() < 0.6;
        TrustOpenToAnyone = random.NextDouble() < 0.03;
        AdminPolicy = random.NextDouble() < 0.08;
        LogRetentionDays = random.NextDouble() switch { < 0.6 => 365, < 0.9 => 30, _ => 0 };
        LogGroupKms = random.NextDouble() < 0.6;
        QueueEncrypted = random.NextDouble() < 0.7;
        TopicKms = random.NextDouble() < 0.6;
        HttpRedirects = random.NextDouble() < 0.8;
        ModernTls = random.NextDouble() < 0.85;
        TableRecovery = random.NextDouble() < 0.7;
        TableKms = random.NextDouble() < 0.5;
        Versioning = random.NextDouble() < 0.8;
        BucketKms = random.NextDouble() < 0.7;
        FullPublicAccessBlock = random.NextDouble() < 0.85;
        PolicyDeniesInsecure = random.NextDouble() < 0.7;
        PolicyComputed = random.NextDouble() < 0.05;
        LiteralBucketName = random.NextDouble() < 0.05;
        HasTrail = index % 4 == 0;
        TrailValidation = random.NextDouble() < 0.8;
        FlowLogAllTraffic = random.NextDouble() < 0.85;
    }

    public int Index { get; }

    /// <summary>Name stem of the stack's resources; also its module call's name input.</summary>
    public string Name { get; }

    public string ModuleName => $"svc_{Index:D5}";

    public string Cidr => $"10.{Index % 250}.0.0/16";

    public bool SshOpenToWorld { get; }

    public bool ImdsV2Required { get; }

    public bool RootVolumeEncrypted { get; }

    public bool PublicIp { get; }

    public bool EbsEncrypted { get; }

    public bool KeyRotation { get; }

    public bool DbPublic { get; }

    public bool DbEncrypted { get; }

    public int DbBackupDays { get; }

    public bool DbDeletionProtection { get; }

    public bool DbLogExports { get; }

    public bool TrustOpenToAnyone { get; }

    public bool AdminPolicy { get; }

    public int LogRetentionDays { get; }

    public bool LogGroupKms { get; }

    public bool QueueEncrypted { get; }

    public bool TopicKms { get; }

    public bool HttpRedirects { get; }

    public bool ModernTls { get; }

    public bool TableRecovery { get; }

    public bool TableKms { get; }

    public bool Versioning { get; }

    public bool BucketKms { get; }

    public bool FullPublicAccessBlock { get; }

    public bool PolicyDeniesInsecure { get; }

    /// <summary>The bucket policy is built from the bucket's ARN, so the whole policy is unknown at plan time.</summary>
    public bool PolicyComputed { get; }

    /// <summary>The logs bucket's companions name it by a literal string instead of a reference.</summary>
    public bool LiteralBucketName { get; }

    public bool HasTrail { get; }

    public bool TrailValidation { get; }

    public bool FlowLogAllTraffic { get; }
}
