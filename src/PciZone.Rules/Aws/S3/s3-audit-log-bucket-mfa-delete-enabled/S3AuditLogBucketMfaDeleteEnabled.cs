using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

/// <summary>
/// MFA delete, or the stronger control that makes it moot: Object Lock in COMPLIANCE mode with a default
/// retention, under which nobody, the root user included, can delete a version before it expires.
/// Terraform cannot turn MFA delete on without the root user's MFA device, so a landing zone built as
/// code relies on the lock.
/// </summary>
internal sealed class S3AuditLogBucketMfaDeleteEnabled : ResourceRule<S3Bucket>
{
    private const string Compliance = "COMPLIANCE";

    public override IReadOnlyList<Type> EstateTypes => [typeof(S3Bucket), typeof(Trail), typeof(ConfigDeliveryChannel)];

    protected override bool AppliesTo(S3Bucket bucket, RuleContext context) =>
        S3Buckets.AuditLogReason(bucket, context.Estate) is not null;

    protected override Outcome Check(S3Bucket bucket, RuleContext context)
    {
        var why = S3Buckets.AuditLogReason(bucket, context.Estate);
        var locked = ComplianceLock(bucket);
        if (locked.TryGet(out var days) && days is { } retention)
        {
            return Outcome.Pass($"Object Lock in COMPLIANCE mode keeps every object version {retention} days by default: nobody, the root user included, can delete a version early, which protects more than MFA delete.");
        }

        if (bucket.MfaDelete.IsKnown && bucket.MfaDelete.Get())
        {
            return Outcome.Pass("MFA delete is enabled: deleting an object version or suspending versioning needs the root user's MFA code.");
        }

        if (locked.IsUnknown)
        {
            return Outcome.Unknown($"MFA delete is off or unknown, and whether Object Lock protects the versions in COMPLIANCE mode is unknown: {locked.UnknownReason}.", locked.Source);
        }

        if (bucket.VersioningEnabled.IsKnown && !bucket.VersioningEnabled.Get())
        {
            return Outcome.Fail($"Bucket holds audit logs ({why}) but is not versioned, so neither MFA delete nor Object Lock can protect its versions.", bucket.VersioningEnabled.Source);
        }

        return bucket.MfaDelete.IsUnknown
            ? Outcome.Unknown($"Whether MFA delete is on is unknown: {bucket.MfaDelete.UnknownReason}.", bucket.MfaDelete.Source)
            : Outcome.Fail($"Bucket holds audit logs ({why}) but MFA delete is off and no Object Lock default retention in COMPLIANCE mode protects its versions.", bucket.MfaDelete.Source);
    }

    // The default retention days when the bucket has Object Lock on in COMPLIANCE mode with a default retention, else null.
    private static Value<int?> ComplianceLock(S3Bucket bucket)
    {
        if (!bucket.ObjectLock.TryGet(out var lockConfig))
        {
            return Value.Unknown<int?>($"Object Lock cannot be read ({bucket.ObjectLock.UnknownReason})", bucket.ObjectLock.Source);
        }

        if (lockConfig is null || (lockConfig.Enabled.IsKnown && !lockConfig.Enabled.Get()))
        {
            return Value.Of<int?>(null, bucket.ObjectLock.Source);
        }

        var unknown = lockConfig.Enabled.IsUnknown ? lockConfig.Enabled.UnknownReason
            : lockConfig.Mode.IsUnknown ? lockConfig.Mode.UnknownReason
            : lockConfig.RetentionDays.IsUnknown ? lockConfig.RetentionDays.UnknownReason
            : null;
        if (unknown is not null)
        {
            return Value.Unknown<int?>($"Object Lock settings are unknown until apply ({unknown})", bucket.ObjectLock.Source);
        }

        return Value.Of<int?>(lockConfig.Mode.Get() == Compliance && lockConfig.RetentionDays.Get() is > 0 and var d ? d : null, bucket.ObjectLock.Source);
    }
}
