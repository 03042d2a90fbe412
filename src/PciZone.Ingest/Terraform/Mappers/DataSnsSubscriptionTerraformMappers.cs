using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>SNS topic subscriptions.</summary>
internal sealed class DataSnsSubscriptionTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry) =>
        registry.Primary("aws_sns_topic_subscription", (r, e) => e.Add(new SnsSubscription
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Topic = r.Ref("topic_arn"),
            Protocol = r.String("protocol"),
            Endpoint = r.String("endpoint"),
        }));
}
