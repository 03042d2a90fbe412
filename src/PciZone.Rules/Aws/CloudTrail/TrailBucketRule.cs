using PciZone.Estate;
using PciZone.Rules.Aws.S3;

namespace PciZone.Rules.Aws.CloudTrail;

/// <summary>
/// A rule about the bucket a trail delivers to: the destination is resolved once, here, and an unknown
/// or unscanned destination is Unknown for every such rule in the same words.
/// </summary>
internal abstract class TrailBucketRule : ResourceRule<Trail>
{
    protected sealed override Outcome Check(Trail trail, RuleContext context)
    {
        if (trail.S3Bucket.IsUnknown)
        {
            return Outcome.Unknown($"Destination bucket is unknown: {trail.S3Bucket.UnknownReason}.", trail.S3Bucket.Source);
        }

        return S3Buckets.Resolve(context.Estate, trail.S3Bucket) is { } bucket
            ? CheckBucket(trail, bucket, context)
            : Outcome.Unknown($"Destination bucket {trail.S3Bucket.Get()} is not in the scanned estate.", trail.S3Bucket.Source);
    }

    /// <summary>Judges the trail's destination bucket, found in the estate.</summary>
    protected abstract Outcome CheckBucket(Trail trail, S3Bucket bucket, RuleContext context);
}
