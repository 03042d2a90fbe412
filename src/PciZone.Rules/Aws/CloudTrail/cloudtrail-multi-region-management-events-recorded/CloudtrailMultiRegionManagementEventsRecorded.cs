using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailMultiRegionManagementEventsRecorded : ResourceRule<Trail>
{
    protected override Outcome Check(Trail trail, RuleContext context) =>
        TrailGaps.CoveredByAnother(trail, Assess(trail), context.Estate, Assess,
            "records read and write management events in every region",
            "cloudtrail-covering-management-events");

    private static Outcome Assess(Trail trail)
    {
        var management = TrailFacts.ManagementEvents(trail);
        return TrailGaps.Decide(
            [
                (trail.IsMultiRegion, "records one region only (is_multi_region_trail / IsMultiRegionTrail is false)"),
                (trail.IncludeGlobalServiceEvents, "leaves out global service events (IAM, STS)"),
                (management.Map(m => m.Read), "does not record read management events"),
                (management.Map(m => m.Write), "does not record write management events"),
            ],
            "Trail records read and write management events in every region, global services included.");
    }
}
