using PciZone.Estate;

namespace PciZone.Rules.Aws.SNS;

internal sealed class SnsTopicDeliveryStatusLogged : ResourceRule<SnsTopic>
{
    protected override Outcome Check(SnsTopic topic, RuleContext context)
    {
        if (!topic.DeliveryStatusLogging.TryGet(out var protocols))
        {
            return Outcome.Unknown($"Delivery status logging cannot be read: {topic.DeliveryStatusLogging.UnknownReason}.", topic.DeliveryStatusLogging.Source);
        }

        return protocols.Count > 0
            ? Outcome.Pass($"The topic logs the delivery status of {string.Join(", ", protocols)} messages to CloudWatch Logs.")
            : Outcome.Fail("The topic logs no delivery status: a failed delivery of an alert leaves no trace.", topic.DeliveryStatusLogging.Source);
    }
}
