using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3AuditLogBucketReplicated : ResourceRule<S3Bucket>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(S3Bucket), typeof(Trail), typeof(ConfigDeliveryChannel)];

    protected override bool AppliesTo(S3Bucket bucket, RuleContext context) =>
        S3Buckets.AuditLogReason(bucket, context.Estate) is not null;

    protected override Outcome Check(S3Bucket bucket, RuleContext context)
    {
        var why = S3Buckets.AuditLogReason(bucket, context.Estate);
        if (!bucket.Replication.TryGet(out var replication))
        {
            return Outcome.Unknown($"Replication cannot be read: {bucket.Replication.UnknownReason}.", bucket.Replication.Source);
        }

        var rules = replication?.Rules ?? [];
        if (rules.FirstOrDefault(r => r.Enabled.GetOrDefault() && r.DestinationBucket.GetOrDefault() is not null) is { } on)
        {
            return Outcome.Pass($"Replication rule {on.Id} copies the audit logs to {on.DestinationBucket.Get()}.");
        }

        return rules.FirstOrDefault(r => r.Enabled.IsUnknown || r.DestinationBucket.IsUnknown) is { } unknown
            ? Outcome.Unknown($"Whether replication rule {unknown.Id} is on, or where it copies to, is unknown until apply.", bucket.Replication.Source)
            : Outcome.Fail($"Bucket holds audit logs ({why}) but replicates them nowhere: the only copy lives in one bucket.", bucket.Replication.Source);
    }
}
