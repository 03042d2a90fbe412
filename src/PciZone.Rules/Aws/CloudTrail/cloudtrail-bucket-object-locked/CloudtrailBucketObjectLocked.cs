using PciZone.Estate;
using PciZone.Rules.Aws.S3;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailBucketObjectLocked : TrailBucketRule
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Trail), typeof(S3Bucket)];

    protected override Outcome CheckBucket(Trail trail, S3Bucket bucket, RuleContext context)
    {
        if (bucket.ObjectLock.IsUnknown)
        {
            return Outcome.Unknown($"Object Lock of destination bucket {bucket.Address} cannot be read: {bucket.ObjectLock.UnknownReason}.", bucket.ObjectLock.Source);
        }

        var lockConfig = bucket.ObjectLock.Get();
        if (lockConfig is not null && (lockConfig.Enabled.IsUnknown || lockConfig.Mode.IsUnknown || lockConfig.RetentionDays.IsUnknown))
        {
            return Outcome.Unknown($"Object Lock settings of destination bucket {bucket.Address} are unknown until apply.", bucket.ObjectLock.Source);
        }

        if (lockConfig is { } l && l.Enabled.Get() && l.Mode.Get() is { } mode && l.RetentionDays.Get() is > 0 and var days)
        {
            return Outcome.Pass($"Destination bucket {bucket.Address} locks every log file for {days} days in {mode} mode.");
        }

        // Without a lock, versioning with MFA delete still keeps every version of a log file.
        if (bucket.VersioningEnabled.GetOrDefault() && bucket.MfaDelete.GetOrDefault())
        {
            return Outcome.Pass($"Destination bucket {bucket.Address} has no Object Lock but keeps every version, and deleting one needs MFA.");
        }

        var lockState = lockConfig is { } on && on.Enabled.Get() ? "has Object Lock on but no default retention" : "has no Object Lock";
        var mfa = bucket.MfaDelete.IsUnknown ? "MFA delete is not known to be on" : "no MFA delete";
        return Outcome.Fail($"Destination bucket {bucket.Address} {lockState} and {mfa}: anyone who may delete objects there can delete or overwrite the trail's log files.", bucket.ObjectLock.Source);
    }
}
