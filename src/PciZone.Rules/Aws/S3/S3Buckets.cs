using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

/// <summary>Finding buckets by reference, and which buckets hold audit logs.</summary>
internal static class S3Buckets
{
    /// <summary>The tag that marks a bucket's data class; <c>audit-log</c> puts it in scope of audit-log rules.</summary>
    public const string DataClassTag = "pcizone:data-class";

    /// <summary>The bucket a reference points to: by estate address, else by bucket name.</summary>
    public static S3Bucket? Resolve(AwsEstate estate, Value<ResourceRef?> reference) =>
        reference.TryGet(out var r) ? estate.Resolve<S3Bucket>(r, b => b.BucketName.GetOrDefault()) : null;

    /// <summary>Why the bucket holds audit logs (a trail or a Config channel delivers to it, or its tag), or null.</summary>
    public static string? AuditLogReason(S3Bucket bucket, AwsEstate estate)
    {
        if (bucket.Tags.TryGetValue(DataClassTag, out var dataClass) && dataClass == "audit-log")
        {
            return $"it is tagged {DataClassTag}=audit-log";
        }

        if (estate.OfType<Trail>().FirstOrDefault(t => ReferenceEquals(Resolve(estate, t.S3Bucket), bucket)) is { } trail)
        {
            return $"CloudTrail trail {trail.Address} delivers to it";
        }

        if (estate.OfType<ConfigDeliveryChannel>().FirstOrDefault(c => ReferenceEquals(Resolve(estate, c.S3Bucket), bucket)) is { } channel)
        {
            return $"AWS Config delivery channel {channel.Address} delivers to it";
        }

        return null;
    }
}
