using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>RDS event notification subscriptions.</summary>
internal sealed class DataRdsEventsTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry) => registry.Primary("aws_db_event_subscription", Subscription);

    private static void Subscription(IResourceView r, IEstateBuilder estate) => estate.Add(new RdsEventSubscription
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Source = r.String("source_type"),
        SourceIds = r.Strings("source_ids"),
        EventCategories = r.Strings("event_categories"),
        Enabled = r.Bool("enabled", true),
    });
}
