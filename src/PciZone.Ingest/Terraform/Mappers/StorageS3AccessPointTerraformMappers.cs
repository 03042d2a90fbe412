using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>S3 access points and Multi-Region Access Points.</summary>
internal sealed class StorageS3AccessPointTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_s3_access_point", AccessPoint);
        registry.Primary("aws_s3control_multi_region_access_point", MultiRegionAccessPoint);
    }

    private static void AccessPoint(IResourceView r, IEstateBuilder estate) => estate.Add(new S3AccessPoint
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Name = r.String("name"),
        MultiRegion = false,
        PublicAccessBlock = Settings(r, "public_access_block_configuration"),
    });

    private static void MultiRegionAccessPoint(IResourceView r, IEstateBuilder estate) => estate.Add(new S3AccessPoint
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Name = r.String("details.name"),
        MultiRegion = true,
        PublicAccessBlock = r.Block("details") is { } details
            ? Settings(details, "public_access_block")
            : Value.Unknown<PublicAccessBlock?>("the details block is not known", r.Provenance),
    });

    // Each setting defaults to true, and a missing block means all four on.
    private static Value<PublicAccessBlock?> Settings(IResourceView r, string path)
    {
        if (r.Block(path) is not { } b)
        {
            return Value.Default<PublicAccessBlock?>(new PublicAccessBlock(
                Value.Default(true, r.Provenance), Value.Default(true, r.Provenance),
                Value.Default(true, r.Provenance), Value.Default(true, r.Provenance)), r.Provenance);
        }

        return Value.Of<PublicAccessBlock?>(new PublicAccessBlock(
            b.BoolOrDefault("block_public_acls", true), b.BoolOrDefault("block_public_policy", true),
            b.BoolOrDefault("ignore_public_acls", true), b.BoolOrDefault("restrict_public_buckets", true)), r.At(path));
    }
}
