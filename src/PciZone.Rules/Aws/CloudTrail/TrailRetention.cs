using PciZone.Estate;
using PciZone.Rules.Aws.S3;

namespace PciZone.Rules.Aws.CloudTrail;

/// <summary>
/// How long a trail's log files stay in its bucket and in its CloudWatch Logs group: kept at least a year,
/// and at hand (not in an archive tier that needs a restore) for the first three months.
/// </summary>
internal static class TrailRetention
{
    /// <summary>PCI DSS 10.5.1: twelve months of history.</summary>
    public const int KeepDays = 365;

    /// <summary>PCI DSS 10.5.1: the latest three months immediately available.</summary>
    public const int AtHandDays = 90;

    // Storage classes whose objects must be restored before they can be read.
    private static readonly string[] ArchiveClasses = ["GLACIER", "DEEP_ARCHIVE"];

    /// <summary>Days after which the bucket's lifecycle first deletes current objects (null: never); unknown when a rule cannot be read.</summary>
    public static Value<int?> FirstExpiry(S3Bucket bucket) =>
        Earliest(bucket, r => [r.ExpirationDays]);

    /// <summary>Days after which the lifecycle first moves current objects to an archive class (null: never).</summary>
    public static Value<int?> FirstArchive(S3Bucket bucket) =>
        Earliest(bucket, r => r.Transitions
            .Where(t => t.StorageClass.IsUnknown || ArchiveClasses.Contains(t.StorageClass.Get(), StringComparer.Ordinal))
            .Select(t => t.StorageClass.IsUnknown ? Value.Unknown<int?>("storage class unknown until apply", t.StorageClass.Source) : t.Days));

    /// <summary>The trail's CloudWatch Logs group when it is in the estate.</summary>
    public static LogGroup? LogGroupOf(AwsEstate estate, Trail trail)
    {
        if (trail.CloudWatchLogGroup.GetOrDefault() is not { } reference)
        {
            return null;
        }

        if (reference.Address is { } address)
        {
            return estate.Find(address) as LogGroup;
        }

        const string Marker = ":log-group:";
        var literal = reference.Literal ?? "";
        var at = literal.IndexOf(Marker, StringComparison.Ordinal);
        var name = at < 0 ? literal : literal[(at + Marker.Length)..];
        name = name.EndsWith(":*", StringComparison.Ordinal) ? name[..^2] : name;
        return EstateIndex.Resolve<LogGroup>(estate, ResourceRef.Id(name), "log-group-by-name", g => g.Name.GetOrDefault());
    }

    /// <summary>The destination bucket of a trail when it is in the estate.</summary>
    public static S3Bucket? BucketOf(AwsEstate estate, Trail trail) => S3Buckets.Resolve(estate, trail.S3Bucket);

    private static Value<int?> Earliest(S3Bucket bucket, Func<S3LifecycleRule, IEnumerable<Value<int?>>> days)
    {
        if (bucket.Lifecycle.IsUnknown)
        {
            return Value.Unknown<int?>(bucket.Lifecycle.UnknownReason ?? "unknown", bucket.Lifecycle.Source);
        }

        int? earliest = null;
        Value<int?>? unknown = null;
        foreach (var rule in bucket.Lifecycle.Get())
        {
            if (rule.Enabled.IsKnown && !rule.Enabled.Get())
            {
                continue;
            }

            foreach (var d in days(rule))
            {
                if (d.IsUnknown || rule.Enabled.IsUnknown)
                {
                    unknown ??= d.IsUnknown ? d : Value.Unknown<int?>("whether the lifecycle rule is enabled is unknown until apply", rule.Enabled.Source);
                }
                else if (d.Get() is { } n && (earliest is null || n < earliest))
                {
                    earliest = n;
                }
            }
        }

        return unknown is { } u && (earliest is null || earliest >= KeepDays) ? u : Value.Of(earliest, bucket.Lifecycle.Source);
    }
}
