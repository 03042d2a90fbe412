using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3AuditLogBucketMfaDeleteEnabled : ResourceRule<S3Bucket>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(S3Bucket), typeof(Trail), typeof(ConfigDeliveryChannel)];

    protected override bool AppliesTo(S3Bucket bucket, RuleContext context) =>
        S3Buckets.AuditLogReason(bucket, context.Estate) is not null;

    protected override Outcome Check(S3Bucket bucket, RuleContext context)
    {
        var why = S3Buckets.AuditLogReason(bucket, context.Estate);
        if (bucket.VersioningEnabled.IsKnown && !bucket.VersioningEnabled.Get())
        {
            return Outcome.Fail($"Bucket holds audit logs ({why}) but is not versioned, so MFA delete cannot be on.", bucket.VersioningEnabled.Source);
        }

        return Outcome.MustBeTrue(bucket.MfaDelete,
            "MFA delete is enabled: deleting an object version or suspending versioning needs the root user's MFA code.",
            $"Bucket holds audit logs ({why}) but MFA delete is off.");
    }
}
