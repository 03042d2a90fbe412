using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation;

/// <summary>Amazon FSx file systems.</summary>
internal sealed class PlatformStorageFsxCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry) =>
        registry.Primary("AWS::FSx::FileSystem", (r, e) => e.Add(new FsxFileSystem
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            FileSystemType = r.String("FileSystemType").GetOrDefault() ?? "",
        }));
}
