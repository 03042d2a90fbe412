using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

/// <summary>Finding buckets by reference, and which buckets hold audit logs.</summary>
internal static class S3Buckets
{
    /// <summary>The tag that marks a bucket's data class; <c>audit-log</c> puts it in scope of audit-log rules.</summary>
    public const string DataClassTag = "pcizone:data-class";

    /// <summary>The bucket a reference points to: by estate address, else by bucket name.</summary>
    public static S3Bucket? Resolve(AwsEstate estate, Value<ResourceRef?> reference) =>
        reference.TryGet(out var r) ? EstateIndex.Resolve<S3Bucket>(estate, r, "s3-bucket-by-name", b => b.BucketName.GetOrDefault()) : null;

    /// <summary>Why the bucket holds audit logs (a trail or a Config channel delivers to it, or its tag), or null.</summary>
    public static string? AuditLogReason(S3Bucket bucket, AwsEstate estate)
    {
        if (bucket.Tags.TryGetValue(DataClassTag, out var dataClass) && dataClass == "audit-log")
        {
            return $"it is tagged {DataClassTag}=audit-log";
        }

        return estate.Memo("s3-audit-log-deliveries", AuditLogDeliveries).GetValueOrDefault(bucket);
    }

    /// <summary>How many other buckets in the estate deliver their server access logs to <paramref name="bucket"/>.</summary>
    public static int AccessLogSources(AwsEstate estate, S3Bucket bucket) =>
        estate.Memo("s3-access-log-sources", AccessLogTargets).GetValueOrDefault(bucket);

    private static Dictionary<S3Bucket, int> AccessLogTargets(AwsEstate estate)
    {
        var counts = new Dictionary<S3Bucket, int>(ReferenceEqualityComparer.Instance);
        foreach (var source in estate.OfType<S3Bucket>())
        {
            if (source.Logging.GetOrDefault() is { } logging && Resolve(estate, logging.TargetBucket) is { } target && !ReferenceEquals(target, source))
            {
                counts[target] = counts.GetValueOrDefault(target) + 1;
            }
        }

        return counts;
    }

    // The first trail that delivers to a bucket names it, else the first Config channel: the order in
    // which a per-bucket scan of trails, then channels, would find them.
    private static Dictionary<S3Bucket, string> AuditLogDeliveries(AwsEstate estate)
    {
        var reasons = new Dictionary<S3Bucket, string>(ReferenceEqualityComparer.Instance);
        foreach (var trail in estate.OfType<Trail>())
        {
            if (Resolve(estate, trail.S3Bucket) is { } bucket && !reasons.ContainsKey(bucket))
            {
                reasons[bucket] = $"CloudTrail trail {trail.Address} delivers to it";
            }
        }

        foreach (var channel in estate.OfType<ConfigDeliveryChannel>())
        {
            if (Resolve(estate, channel.S3Bucket) is { } bucket && !reasons.ContainsKey(bucket))
            {
                reasons[bucket] = $"AWS Config delivery channel {channel.Address} delivers to it";
            }
        }

        return reasons;
    }
}
