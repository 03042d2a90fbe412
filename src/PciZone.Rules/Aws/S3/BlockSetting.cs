using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

/// <summary>
/// One of the four public access block settings, with an index into the per-estate summary of the
/// account-level blocks, so a bucket's effective setting does not re-read every account block.
/// </summary>
internal sealed class BlockSetting
{
    private BlockSetting(int index, Func<PublicAccessBlock, Value<bool>> read)
    {
        Index = index;
        Read = read;
    }

    /// <summary>BlockPublicAcls.</summary>
    public static BlockSetting BlockPublicAcls { get; } = new(0, p => p.BlockPublicAcls);

    /// <summary>BlockPublicPolicy.</summary>
    public static BlockSetting BlockPublicPolicy { get; } = new(1, p => p.BlockPublicPolicy);

    /// <summary>IgnorePublicAcls.</summary>
    public static BlockSetting IgnorePublicAcls { get; } = new(2, p => p.IgnorePublicAcls);

    /// <summary>RestrictPublicBuckets.</summary>
    public static BlockSetting RestrictPublicBuckets { get; } = new(3, p => p.RestrictPublicBuckets);

    private static readonly BlockSetting[] All = [BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls, RestrictPublicBuckets];

    /// <summary>Position in <see cref="AccountBlocks"/>.</summary>
    public int Index { get; }

    /// <summary>Reads the setting from a block.</summary>
    public Func<PublicAccessBlock, Value<bool>> Read { get; }

    /// <summary>
    /// Per setting, over the account-level blocks in estate order: the first value that is known and
    /// on, and the first value that is unknown (null when there is none).
    /// </summary>
    public static AccountSetting[] AccountBlocks(AwsEstate estate) =>
        estate.Memo("s3-account-public-access-blocks", e => All
            .Select(s => e.OfType<S3AccountPublicAccessBlock>().Select(a => s.Read(a.Settings)).ToList())
            .Select(values => new AccountSetting(
                values.FindIndex(v => v.IsKnown && v.Get()) is var on and >= 0 ? values[on] : null,
                values.FindIndex(v => v.IsUnknown) is var unknown and >= 0 ? values[unknown] : null))
            .ToArray());

    /// <summary>The account-level blocks' summary for one setting.</summary>
    public sealed record AccountSetting(Value<bool>? FirstOn, Value<bool>? FirstUnknown);
}
