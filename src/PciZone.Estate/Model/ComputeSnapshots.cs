namespace PciZone.Estate;

/// <summary>An EBS snapshot (<c>aws_ebs_snapshot</c>) or a copy of one (<c>aws_ebs_snapshot_copy</c>).</summary>
public sealed record EbsSnapshot : Resource
{
    /// <summary>True for a copy of another snapshot.</summary>
    public bool IsCopy { get; init; }

    /// <summary>
    /// Encrypted. For a snapshot AWS takes it from the volume, so a plan leaves it unknown; for a copy it
    /// is the requested flag (a copy of an encrypted snapshot is encrypted whatever the flag says).
    /// </summary>
    public Value<bool> Encrypted { get; init; }

    /// <summary>KMS key the copy is encrypted with; null when none.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }

    /// <summary>The volume a snapshot is taken of; null for a copy.</summary>
    public Value<ResourceRef?> SourceVolume { get; init; }

    /// <summary>The snapshot a copy is made from; null for a snapshot.</summary>
    public Value<ResourceRef?> SourceSnapshot { get; init; }
}
