using PciZone.Compliance;
using PciZone.Estate;
using PciZone.Rules.Aws.S3;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailBucketNotPublic : TrailBucketRule
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Trail), typeof(S3Bucket), typeof(S3AccountPublicAccessBlock)];

    protected override Outcome CheckBucket(Trail trail, S3Bucket bucket, RuleContext context)
    {
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
