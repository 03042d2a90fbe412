using PciZone.Compliance;
using PciZone.Estate;
using PciZone.Rules.Aws.S3;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailBucketNotPublic : ResourceRule<Trail>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Trail), typeof(S3Bucket), typeof(S3AccountPublicAccessBlock)];

    protected override Outcome Check(Trail trail, RuleContext context)
    {
        if (trail.S3Bucket.IsUnknown)
        {
            return Outcome.Unknown($"Destination bucket is unknown: {trail.S3Bucket.UnknownReason}.", trail.S3Bucket.Source);
        }

        if (S3Buckets.Resolve(context.Estate, trail.S3Bucket) is not { } bucket)
        {
            return Outcome.Unknown($"Destination bucket {trail.S3Bucket.Get()} is not in the scanned estate.", trail.S3Bucket.Source);
        }

        var exposure = S3PublicAccess.Assess(bucket, context.Estate);
        if (exposure.Status == FindingStatus.Fail)
        {
            return Outcome.Fail($"Destination bucket {bucket.Address}: {exposure.Message}", exposure.Evidence);
        }

        var blocks = TrailGaps.Decide(
            [
                (S3PublicAccess.EffectiveBlock(bucket, context.Estate, BlockSetting.BlockPublicAcls), "does not block public ACLs"),
                (S3PublicAccess.EffectiveBlock(bucket, context.Estate, BlockSetting.BlockPublicPolicy), "does not block public policies"),
                (S3PublicAccess.EffectiveBlock(bucket, context.Estate, BlockSetting.IgnorePublicAcls), "does not ignore public ACLs"),
                (S3PublicAccess.EffectiveBlock(bucket, context.Estate, BlockSetting.RestrictPublicBuckets), "does not restrict public buckets"),
            ],
            $"Destination bucket {bucket.Address} is not public and blocks public access.",
            $"Destination bucket {bucket.Address}");
        return blocks.Status == FindingStatus.Pass && exposure.Status == FindingStatus.Unknown ? exposure : blocks;
    }
}
