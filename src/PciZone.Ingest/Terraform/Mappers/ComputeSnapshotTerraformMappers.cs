using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>EBS snapshots, snapshot copies and volume attachments from a Terraform plan.</summary>
internal sealed class ComputeSnapshotTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        // A snapshot's encrypted flag is computed from the volume: the plan leaves it unknown.
        registry.Primary("aws_ebs_snapshot", (r, e) => e.Add(new EbsSnapshot
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Encrypted = r.Bool("encrypted", false),
            KmsKey = r.RefOrNull("kms_key_id"),
            SourceVolume = r.Ref("volume_id"),
            SourceSnapshot = Value.Default<ResourceRef?>(null, r.Provenance),
        }));
        registry.Primary("aws_ebs_snapshot_copy", (r, e) => e.Add(new EbsSnapshot
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"), IsCopy = true,
            Encrypted = r.BoolOrDefault("encrypted", false),
            KmsKey = r.RefOrNull("kms_key_id"),
            SourceVolume = Value.Default<ResourceRef?>(null, r.Provenance),
            SourceSnapshot = r.Ref("source_snapshot_id"),
        }));
        registry.Companion("aws_volume_attachment", (r, e) =>
            e.Join<EbsVolume>(r, r.Ref("volume_id"), v => v with { Attachments = [.. v.Attachments, r.Ref("instance_id")] }));
    }
}
