using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>Amazon FSx file systems of the four kinds.</summary>
internal sealed class PlatformStorageFsxTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        Register(registry, "aws_fsx_lustre_file_system", "LUSTRE");
        Register(registry, "aws_fsx_windows_file_system", "WINDOWS");
        Register(registry, "aws_fsx_ontap_file_system", "ONTAP");
        Register(registry, "aws_fsx_openzfs_file_system", "OPENZFS");
    }

    private static void Register(MapperRegistry registry, string type, string kind) =>
        registry.Primary(type, (r, e) => e.Add(new FsxFileSystem
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            FileSystemType = kind,
        }));
}
