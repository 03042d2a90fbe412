using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3BucketAccessLoggingEnabled : ResourceRule<S3Bucket>
{
    protected override Outcome Check(S3Bucket bucket, RuleContext context)
    {
        if (bucket.Logging.IsUnknown)
        {
            return Outcome.Unknown($"Server access logging cannot be read: {bucket.Logging.UnknownReason}.", bucket.Logging.Source);
        }

        if (bucket.Logging.Get() is not { } logging)
        {
            var sources = S3Buckets.AccessLogSources(context.Estate, bucket);
            return sources > 0
                ? Outcome.Pass($"Server access logging is off, but the bucket is the access-log destination of {sources} bucket(s); record its reads with CloudTrail S3 data events.")
                : Outcome.Fail("Server access logging is off.");
        }

        if (logging.TargetBucket.IsUnknown)
        {
            return Outcome.Unknown($"Server access logging target is unknown: {logging.TargetBucket.UnknownReason}.", logging.TargetBucket.Source);
        }

        // Logging into the bucket itself makes every log delivery a new access to log: an endless loop.
        var target = logging.TargetBucket.Get();
        var self = ReferenceEquals(S3Buckets.Resolve(context.Estate, logging.TargetBucket), bucket);
        return self
            ? Outcome.Fail("Server access logs are delivered into the bucket itself; use a separate log bucket.", logging.TargetBucket.Source)
            : Outcome.Pass($"Server access logs go to {target}.");
    }
}
