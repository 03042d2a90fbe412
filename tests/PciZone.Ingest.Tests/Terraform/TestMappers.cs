using PciZone.Estate;

namespace PciZone.Ingest.Tests.Terraform;

/// <summary>A minimal mapper set, so reader tests do not depend on the production mappers.</summary>
internal sealed class TestMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_s3_bucket", (r, e) => e.Add(new S3Bucket
        {
            Address = r.Address,
            SourceType = r.Type,
            Provenance = r.Provenance,
            Tags = r.Tags("tags"),
            BucketName = r.String("bucket").Map(s => s ?? ""),
            VersioningEnabled = Value.Default(false, r.Provenance),
        }));
        registry.Primary("aws_iam_role", (r, e) => e.Add(new IamRole
        {
            Address = r.Address,
            SourceType = r.Type,
            Provenance = r.Provenance,
            AttachedPolicies = r.Refs("managed_policy_arns").Get().Select(p => Value.Of<ResourceRef?>(p, r.Provenance)).ToList(),
        }));
        registry.Companion("aws_s3_bucket_versioning", (r, e) => e.Join<S3Bucket>(
            r, r.Ref("bucket"),
            b => b with { VersioningEnabled = r.String("versioning_configuration.status").Map(s => s == "Enabled") },
            b => b.BucketName.GetOrDefault()));
        registry.Companion("aws_s3_bucket_policy", (r, e) => e.Join<S3Bucket>(
            r, r.Ref("bucket"), b => b with { Policy = r.Policy("policy") }, b => b.BucketName.GetOrDefault()));
        registry.Companion("aws_s3_bucket_public_access_block", (r, e) => e.Join<S3Bucket>(
            r, r.Ref("bucket"),
            b => b with
            {
                PublicAccessBlock = Value.Of<PublicAccessBlock?>(
                    new PublicAccessBlock(
                        r.Bool("block_public_acls", false), r.Bool("block_public_policy", false),
                        r.Bool("ignore_public_acls", false), r.Bool("restrict_public_buckets", false)),
                    r.Provenance),
            },
            b => b.BucketName.GetOrDefault()));
    }
}
