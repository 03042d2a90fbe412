namespace PciZone.Estate;

/// <summary>A manual RDS DB snapshot, DB cluster snapshot, or snapshot copy.</summary>
public sealed record RdsSnapshot : Resource
{
    /// <summary>The DB instance, DB cluster, or (for a copy) snapshot the snapshot is taken from.</summary>
    public Value<ResourceRef?> Source { get; init; }

    /// <summary>
    /// Encrypted; Unknown (inherited) when it follows the source, as a snapshot always does and a copy
    /// does unless it names a KMS key.
    /// </summary>
    public Value<bool> Encrypted { get; init; }
}
