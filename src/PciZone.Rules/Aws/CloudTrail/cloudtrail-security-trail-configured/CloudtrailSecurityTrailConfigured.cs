using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailSecurityTrailConfigured : ResourceRule<Trail>
{
    protected override Outcome Check(Trail trail, RuleContext context) =>
        TrailGaps.CoveredByAnother(trail, Assess(trail), context.Estate, Assess,
            "is a security trail with every best-practice setting",
            "cloudtrail-covering-security-trail");

    // AWS Config's cloudtrail-security-trail-enabled, plus delivery to CloudWatch Logs: all on ONE trail.
    private static Outcome Assess(Trail trail)
    {
        var management = TrailFacts.ManagementEvents(trail);
        return TrailGaps.Decide(
            [
                (trail.IsLogging, "is not logging"),
                (trail.IsMultiRegion, "records one region only"),
                (trail.IncludeGlobalServiceEvents, "leaves out global service events"),
                (management.Map(m => m.ReadAndWrite), "does not record read and write management events"),
                (trail.KmsKey.Map(k => k is not null), "is not encrypted with a KMS key"),
                (trail.LogFileValidation, "has log file validation off"),
                (trail.CloudWatchLogGroup.Map(g => g is not null), "does not deliver to CloudWatch Logs"),
            ],
            "Trail is a security trail: logging, all regions with global services, read and write management events, SSE-KMS, log file validation and CloudWatch Logs delivery.");
    }
}
