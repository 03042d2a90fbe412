using PciZone.Estate;
using PciZone.Rules.Aws.S3;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailBucketAccessLoggingEnabled : TrailBucketRule
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Trail), typeof(S3Bucket)];

    protected override Outcome CheckBucket(Trail trail, S3Bucket bucket, RuleContext context)
    {
        if (bucket.Logging.IsUnknown)
        {
            return Outcome.Unknown($"Server access logging of destination bucket {bucket.Address} cannot be read: {bucket.Logging.UnknownReason}.", bucket.Logging.Source);
        }

        if (bucket.Logging.Get() is not { } logging)
        {
            return Outcome.Fail($"Destination bucket {bucket.Address} has no server access logging, so reads and deletions of the trail's log files are not recorded.", bucket.Logging.Source);
        }

        if (logging.TargetBucket.IsUnknown)
        {
            return Outcome.Unknown($"Access-log target of destination bucket {bucket.Address} is unknown: {logging.TargetBucket.UnknownReason}.", logging.TargetBucket.Source);
        }

        // Logging into the bucket itself loops: each delivery is a new access to log.
        return ReferenceEquals(S3Buckets.Resolve(context.Estate, logging.TargetBucket), bucket)
            ? Outcome.Fail($"Destination bucket {bucket.Address} delivers its access logs into itself; use a separate bucket.", logging.TargetBucket.Source)
            : Outcome.Pass($"Destination bucket {bucket.Address} logs every request to {logging.TargetBucket.Get()}.");
    }
}
