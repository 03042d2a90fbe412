using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation;

/// <summary>DynamoDB Accelerator (DAX) clusters.</summary>
internal sealed class DataDaxCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry) => registry.Primary("AWS::DAX::Cluster", Cluster);

    private static void Cluster(IResourceView r, IEstateBuilder estate) => estate.Add(new DaxCluster
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,

        // AWS::DAX::Cluster tags are a JSON map rather than a Key/Value list.
        Tags = r.Tags("Tags"),
        EncryptedAtRest = r.Bool("SSESpecification.SSEEnabled", false),
        EndpointEncryption = r.String("ClusterEndpointEncryptionType", "NONE").Map(s => s ?? "NONE"),
    });
}
