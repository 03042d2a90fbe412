using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation;

/// <summary>RDS event notification subscriptions.</summary>
internal sealed class DataRdsEventsCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry) => registry.Primary("AWS::RDS::EventSubscription", Subscription);

    private static void Subscription(IResourceView r, IEstateBuilder estate) => estate.Add(new RdsEventSubscription
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("Tags"),
        Source = r.String("SourceType"),
        SourceIds = r.Strings("SourceIds"),
        EventCategories = r.Strings("EventCategories"),
        Enabled = r.Bool("Enabled", true),
    });
}
