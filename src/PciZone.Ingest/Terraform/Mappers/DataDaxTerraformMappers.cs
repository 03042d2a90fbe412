using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>DynamoDB Accelerator (DAX) clusters.</summary>
internal sealed class DataDaxTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry) => registry.Primary("aws_dax_cluster", Cluster);

    private static void Cluster(IResourceView r, IEstateBuilder estate) => estate.Add(new DaxCluster
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),

        // Without the block (or with enabled = false) DAX does not encrypt at rest; the endpoint is plain unless TLS is chosen.
        EncryptedAtRest = r.WrittenOr("server_side_encryption", v => v.Bool("server_side_encryption.enabled", false), false),
        EndpointEncryption = r.TextOrDefault("cluster_endpoint_encryption_type", "NONE"),
    });
}
