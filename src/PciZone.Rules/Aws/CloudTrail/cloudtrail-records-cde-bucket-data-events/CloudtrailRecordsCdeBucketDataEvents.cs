using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailRecordsCdeBucketDataEvents : ResourceRule<S3Bucket>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(S3Bucket), typeof(Trail)];

    protected override bool AppliesTo(S3Bucket bucket, RuleContext context) => TrailBucketEvents.IsCde(bucket);

    protected override Outcome Check(S3Bucket bucket, RuleContext context)
    {
        var name = bucket.BucketName.GetOrDefault();
        var trails = context.Estate.Memo("cloudtrail-logging-trails", e => e.OfType<Trail>().Where(t => !t.IsLogging.IsKnown || t.IsLogging.Get()).ToList());
        bool read = false, write = false;
        string? readBy = null, writeBy = null;
        var unknown = new List<string>();
        foreach (var trail in trails)
        {
            var coverage = TrailBucketEvents.Coverage(trail, name);
            if (coverage.IsUnknown || trail.IsLogging.IsUnknown)
            {
                unknown.Add($"{trail.Address} ({(coverage.IsUnknown ? coverage.UnknownReason : "logging unknown until apply")})");
                continue;
            }

            var (r, w) = coverage.Get();
            readBy ??= r ? trail.Address : null;
            writeBy ??= w ? trail.Address : null;
            read |= r;
            write |= w;
        }

        if (read && write)
        {
            return Outcome.Pass(readBy == writeBy
                ? $"Trail {readBy} records object-level reads and writes in this cardholder-data bucket."
                : $"Trail {readBy} records object-level reads and trail {writeBy} writes in this cardholder-data bucket.");
        }

        var missing = (read, write) switch
        {
            (false, false) => "object-level reads or writes",
            (true, false) => "object-level writes",
            _ => "object-level reads",
        };
        return unknown.Count > 0
            ? Outcome.Unknown($"No trail is known to record {missing} in this cardholder-data bucket; cannot tell for {string.Join(", ", unknown)}.")
            : Outcome.Fail($"No logging trail records {missing} (S3 data events) in this cardholder-data bucket, so access to cardholder data leaves no audit trail.");
    }
}
