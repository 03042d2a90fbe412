using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailDeliversToCloudwatchLogs : ResourceRule<Trail>
{
    protected override Outcome Check(Trail trail, RuleContext context) =>
        Outcome.MustBeTrue(trail.CloudWatchLogGroup.Map(g => g is not null),
            $"Trail delivers to CloudWatch Logs group {trail.CloudWatchLogGroup.GetOrDefault()}.",
            "Trail does not deliver to CloudWatch Logs, so its events cannot be monitored or alarmed on.");
}
