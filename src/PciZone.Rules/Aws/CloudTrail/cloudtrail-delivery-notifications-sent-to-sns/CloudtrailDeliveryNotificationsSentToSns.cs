using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailDeliveryNotificationsSentToSns : ResourceRule<Trail>
{
    protected override Outcome Check(Trail trail, RuleContext context) =>
        Outcome.MustBeTrue(trail.SnsTopic.Map(t => t is not null),
            $"Trail notifies SNS topic {trail.SnsTopic.GetOrDefault()} of every log file it delivers.",
            "Trail sends no log file delivery notifications (sns_topic_name / SnsTopicName is not set), so a stop in deliveries goes unnoticed.");
}
