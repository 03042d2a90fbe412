using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation;

/// <summary>SNS subscriptions, standalone and inline in a topic's <c>Subscription</c> list.</summary>
internal sealed class DataSnsSubscriptionCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry) =>
        registry.Primary("AWS::SNS::Subscription", (r, e) => e.Add(new SnsSubscription
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Topic = r.Ref("TopicArn"),
            Protocol = r.String("Protocol"),
            Endpoint = r.String("Endpoint"),
        }));
}
