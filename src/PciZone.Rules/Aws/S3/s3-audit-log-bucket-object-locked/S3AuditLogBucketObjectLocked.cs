using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3AuditLogBucketObjectLocked : ResourceRule<S3Bucket>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(S3Bucket), typeof(Trail), typeof(ConfigDeliveryChannel)];

    protected override bool AppliesTo(S3Bucket bucket, RuleContext context) =>
        S3Buckets.AuditLogReason(bucket, context.Estate) is not null;

    protected override Outcome Check(S3Bucket bucket, RuleContext context)
    {
        var why = S3Buckets.AuditLogReason(bucket, context.Estate);
        if (bucket.ObjectLock.IsUnknown)
        {
            return Outcome.Unknown($"Object Lock cannot be read: {bucket.ObjectLock.UnknownReason}.", bucket.ObjectLock.Source);
        }

        var lockConfig = bucket.ObjectLock.Get();
        if (lockConfig is null || (lockConfig.Enabled.IsKnown && !lockConfig.Enabled.Get()))
        {
            return Outcome.Fail($"Bucket holds audit logs ({why}) but Object Lock is off.");
        }

        if (lockConfig.Enabled.IsUnknown || lockConfig.Mode.IsUnknown || lockConfig.RetentionDays.IsUnknown)
        {
            return Outcome.Unknown("Object Lock settings are unknown until apply.", bucket.ObjectLock.Source);
        }

        return lockConfig.Mode.Get() is { } mode && lockConfig.RetentionDays.Get() is > 0 and var days
            ? Outcome.Pass($"Object Lock keeps audit logs for {days} days in {mode} mode by default.")
            : Outcome.Fail($"Bucket holds audit logs ({why}) and has Object Lock on, but no default retention.", bucket.ObjectLock.Source);
    }
}
