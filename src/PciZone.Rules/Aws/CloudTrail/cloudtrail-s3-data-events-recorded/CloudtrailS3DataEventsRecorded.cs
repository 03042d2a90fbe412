using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailS3DataEventsRecorded : ResourceRule<Trail>
{
    protected override Outcome Check(Trail trail, RuleContext context) =>
        TrailGaps.CoveredByAnother(trail, Assess(trail), context.Estate, Assess,
            "records S3 object-level read and write events on all buckets",
            "cloudtrail-covering-s3-data-events");

    private static Outcome Assess(Trail trail)
    {
        var data = TrailFacts.S3DataEvents(trail);
        return TrailGaps.Decide(
            [
                (data.Map(d => d.Read), "does not record S3 object-level read events"),
                (data.Map(d => d.Write), "does not record S3 object-level write events"),
                (data.Map(d => !d.ReadAndWrite || d.AllBuckets), "records S3 object-level events only for named buckets, not all buckets"),
            ],
            "Trail records S3 object-level read and write events on all buckets.");
    }
}
