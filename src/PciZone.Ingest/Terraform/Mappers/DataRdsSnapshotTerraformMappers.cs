using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>Manual RDS DB snapshots, DB cluster snapshots and snapshot copies.</summary>
internal sealed class DataRdsSnapshotTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_db_snapshot", (r, e) => Add(r, e, "db_instance_identifier", "the source DB instance"));
        registry.Primary("aws_db_cluster_snapshot", (r, e) => Add(r, e, "db_cluster_identifier", "the source DB cluster"));
        registry.Primary("aws_db_snapshot_copy", Copy);
    }

    private static void Add(IResourceView r, IEstateBuilder estate, string sourcePath, string source) => estate.Add(new RdsSnapshot
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Source = r.Ref(sourcePath),
        Encrypted = r.InheritedFrom<bool>(source),
    });

    // A copy that names a KMS key is encrypted with it, whatever the source was.
    private static void Copy(IResourceView r, IEstateBuilder estate) => estate.Add(new RdsSnapshot
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Source = r.Ref("source_db_snapshot_identifier"),
        Encrypted = r.IsWritten("kms_key_id") ? Value.Of(true, r.At("kms_key_id")) : r.InheritedFrom<bool>("the source snapshot"),
    });
}
