using PciZone.Estate;
using PciZone.Rules.Aws.Backup;

namespace PciZone.Rules.Aws.S3;

/// <summary>
/// A second copy of the audit logs, made by either of AWS's two mechanisms: S3 replication to another
/// bucket, or an AWS Backup plan that backs the bucket up (the recovery points live in a vault, apart
/// from the bucket and its lifecycle).
/// </summary>
internal sealed class S3AuditLogBucketReplicated : ResourceRule<S3Bucket>
{
    public override IReadOnlyList<Type> EstateTypes =>
        [typeof(S3Bucket), typeof(Trail), typeof(ConfigDeliveryChannel), typeof(BackupPlan), typeof(BackupSelection)];

    protected override bool AppliesTo(S3Bucket bucket, RuleContext context) =>
        S3Buckets.AuditLogReason(bucket, context.Estate) is not null;

    protected override Outcome Check(S3Bucket bucket, RuleContext context)
    {
        var why = S3Buckets.AuditLogReason(bucket, context.Estate);
        var rules = bucket.Replication.GetOrDefault()?.Rules ?? [];
        if (rules.FirstOrDefault(r => r.Enabled.GetOrDefault() && r.DestinationBucket.GetOrDefault() is not null) is { } on)
        {
            return Outcome.Pass($"Replication rule {on.Id} copies the audit logs to {on.DestinationBucket.Get()}.");
        }

        var backup = BackupCoverage.Find(context.Estate, bucket, BackupArns.For(bucket)!);
        var versioned = bucket.VersioningEnabled;
        if (backup.Match == Match.Definite && versioned.IsKnown && versioned.Get())
        {
            return Outcome.Pass($"AWS Backup keeps a second copy of the audit logs: selection {backup.Selection} {backup.Why}.");
        }

        if (bucket.Replication.IsUnknown)
        {
            return Outcome.Unknown($"Replication cannot be read: {bucket.Replication.UnknownReason}.", bucket.Replication.Source);
        }

        if (rules.FirstOrDefault(r => r.Enabled.IsUnknown || r.DestinationBucket.IsUnknown) is { } unknown)
        {
            return Outcome.Unknown($"Whether replication rule {unknown.Id} is on, or where it copies to, is unknown until apply.", bucket.Replication.Source);
        }

        return backup.Match switch
        {
            Match.Definite when versioned.IsUnknown =>
                Outcome.Unknown($"Backup selection {backup.Selection} picks the bucket, but whether versioning (which AWS Backup needs) is on is unknown: {versioned.UnknownReason}.", versioned.Source),
            Match.Definite =>
                Outcome.Fail($"Bucket holds audit logs ({why}); backup selection {backup.Selection} picks it, but versioning is off, so AWS Backup cannot copy it, and it replicates nowhere.", versioned.Source),
            Match.Possible =>
                Outcome.Unknown($"Bucket holds audit logs ({why}) and replicates nowhere; backup selection {backup.Selection} may copy it: {backup.Why}."),
            _ => Outcome.Fail($"Bucket holds audit logs ({why}) but neither replicates them nor is backed up by AWS Backup: the only copy lives in one bucket.", bucket.Replication.Source),
        };
    }
}
