using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailLogsRetained12Months : ResourceRule<Trail>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Trail), typeof(S3Bucket), typeof(LogGroup)];

    protected override Outcome Check(Trail trail, RuleContext context)
    {
        var bucket = TrailRetention.BucketOf(context.Estate, trail);
        var group = TrailRetention.LogGroupOf(context.Estate, trail);
        var groupDays = group?.RetentionDays.Map(d => d == 0 ? int.MaxValue : d);

        // The bucket keeps the year unless its lifecycle deletes log files sooner; the log group can keep
        // the year, or only the three months at hand, on its own.
        var expiry = bucket is null ? (Value<int?>?)null : TrailRetention.FirstExpiry(bucket);
        var archive = bucket is null ? (Value<int?>?)null : TrailRetention.FirstArchive(bucket);
        var kept = Either(expiry?.Map(d => d is null || d >= TrailRetention.KeepDays), groupDays?.Map(d => d >= TrailRetention.KeepDays));
        var atHand = Either(
            expiry is { } e && archive is { } a ? Both(e, a).Map(x => x.First is null or >= TrailRetention.AtHandDays && x.Second is null or >= TrailRetention.AtHandDays) : null,
            groupDays?.Map(d => d >= TrailRetention.AtHandDays));

        var where = bucket is null
            ? $"destination bucket {trail.S3Bucket.GetOrDefault()?.ToString() ?? "(unknown)"} is not in the scanned estate"
            : $"bucket {bucket.Address} {Describe(expiry!.Value, "expires log files")}, {Describe(archive!.Value, "archives them to Glacier")}";
        var logs = group is null ? "no CloudWatch Logs group of the trail is in the estate" : $"log group {group.Address} keeps events {Days(group.RetentionDays)}";
        return TrailGaps.Decide(
            [
                (kept, $"logs are not kept {TrailRetention.KeepDays} days ({where}; {logs})"),
                (atHand, $"logs are not immediately available for {TrailRetention.AtHandDays} days ({where}; {logs})"),
            ],
            $"Trail logs are kept at least {TrailRetention.KeepDays} days and the latest {TrailRetention.AtHandDays} are at hand ({where}; {logs}).",
            "For this trail,");
    }

    // True when either source is known true; false when every source present is known false.
    private static Value<bool> Either(Value<bool>? a, Value<bool>? b)
    {
        var present = new[] { a, b }.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (present.Any(v => v.IsKnown && v.Get()))
        {
            return present.First(v => v.IsKnown && v.Get());
        }

        // default(Value<bool>) is Unknown, so look for one only once one is known to exist.
        return present.Any(v => v.IsUnknown) ? present.First(v => v.IsUnknown)
            : present.Count > 0 ? present[0]
            : Value.Unknown<bool>("neither the destination bucket nor the log group is in the scanned estate", Provenance.None);
    }

    private static Value<(int? First, int? Second)> Both(Value<int?> a, Value<int?> b) =>
        a.IsUnknown ? Value.Unknown<(int?, int?)>(a.UnknownReason!, a.Source)
        : b.IsUnknown ? Value.Unknown<(int?, int?)>(b.UnknownReason!, b.Source)
        : Value.Of((a.Get(), b.Get()), a.Source);

    private static string Describe(Value<int?> days, string what) =>
        days.IsUnknown ? $"may {what} (lifecycle unknown until apply)" : days.Get() is { } d ? $"{what} after {d} days" : $"never {what}";

    private static string Days(Value<int> days) =>
        days.IsUnknown ? "for a time unknown until apply" : days.Get() == 0 ? "forever" : $"{days.Get()} days";
}
