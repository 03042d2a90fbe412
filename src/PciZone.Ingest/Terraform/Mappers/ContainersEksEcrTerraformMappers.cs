using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// EKS clusters and node groups, ECR repositories joined with their repository and lifecycle
/// policies, and the registry scanning configuration, from a Terraform plan.
/// </summary>
internal sealed class ContainersEksEcrTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_eks_cluster", Cluster);
        registry.Primary("aws_eks_node_group", (r, e) => e.Add(new EksNodeGroup
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Cluster = r.RefOrNull("cluster_name"),
            RemoteAccess = Value.Of(r.Block("remote_access") is not null, r.At("remote_access")),
            RemoteAccessSourceSecurityGroups = r.Block("remote_access") is not null
                ? r.RefsOrEmpty("remote_access.source_security_group_ids")
                : Value.Default<IReadOnlyList<ResourceRef>>([], r.Provenance),
        }));
        registry.Primary("aws_ecr_repository", (r, e) => e.Add(new EcrRepository
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            ScanOnPush = r.Block("image_scanning_configuration") is not null
                ? r.BoolOrDefault("image_scanning_configuration.scan_on_push", false)
                : Value.Default(false, r.Provenance),
            TagMutability = r.TextOrDefault("image_tag_mutability", "MUTABLE"),
            EncryptionType = r.Block("encryption_configuration") is not null
                ? r.TextOrDefault("encryption_configuration.encryption_type", "AES256")
                : Value.Default("AES256", r.Provenance),
            Policy = Value.Default<PolicyDocument?>(null, r.Provenance),
            HasLifecyclePolicy = Value.Default(false, r.Provenance),
        }));
        registry.Companion("aws_ecr_repository_policy", (r, e) =>
            e.Join<EcrRepository>(r, r.Ref("repository"), x => x with { Policy = r.Policy("policy") }, x => x.Name.GetOrDefault()));
        registry.Companion("aws_ecr_lifecycle_policy", (r, e) =>
            e.Join<EcrRepository>(r, r.Ref("repository"), x => x with { HasLifecyclePolicy = Value.Of(true, r.Provenance) }, x => x.Name.GetOrDefault()));
        registry.Primary("aws_ecr_registry_scanning_configuration", (r, e) => e.Add(new EcrRegistryScanning
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            ScanType = r.TextOrDefault("scan_type", "BASIC"),
            Rules = r.Blocks("rule").Select(x => new EcrScanningRule(
                x.TextOrDefault("scan_frequency", "MANUAL"),
                Value.Of<IReadOnlyList<string>>(x.Blocks("repository_filter").Select(f => f.String("filter").GetOrDefault() ?? "").ToList(), x.At("repository_filter"))))
                .ToList(),
        }));
    }

    private static void Cluster(IResourceView r, IEstateBuilder e)
    {
        var secrets = r.Blocks("encryption_config").FirstOrDefault(c => c.Strings("resources").GetOrDefault()?.Contains("secrets") == true);
        e.Add(new EksCluster
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Version = r.OptionalTextOrDefault("version"),
            EndpointPublicAccess = r.BoolOrDefault("vpc_config.endpoint_public_access", true),
            EndpointPrivateAccess = r.BoolOrDefault("vpc_config.endpoint_private_access", false),
            PublicAccessCidrs = r.IsWritten("vpc_config.public_access_cidrs") || r.Strings("vpc_config.public_access_cidrs").IsKnown
                ? r.Strings("vpc_config.public_access_cidrs").Map<IReadOnlyList<string>>(l => l.Count == 0 ? ["0.0.0.0/0"] : l)
                : Value.Default<IReadOnlyList<string>>(["0.0.0.0/0"], r.At("vpc_config.public_access_cidrs")),
            SecretsEncryptionKey = secrets is null ? Value.Default<ResourceRef?>(null, r.Provenance) : secrets.Ref("provider.key_arn"),
            EnabledLogTypes = r.StringsOrEmpty("enabled_cluster_log_types"),
            Subnets = r.RefsOrEmpty("vpc_config.subnet_ids"),
            SecurityGroups = r.RefsOrEmpty("vpc_config.security_group_ids"),
        });
    }
}
