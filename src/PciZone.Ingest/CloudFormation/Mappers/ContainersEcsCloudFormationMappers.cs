using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>ECS task definitions, services, task sets and clusters from a CloudFormation template.</summary>
internal sealed class ContainersEcsCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::ECS::TaskDefinition", TaskDefinition);
        registry.Primary("AWS::ECS::Service", (r, e) => Service(r, e, "AwsvpcConfiguration"));
        registry.Primary("AWS::ECS::TaskSet", (r, e) => Service(r, e, "AwsVpcConfiguration"));
        registry.Primary("AWS::ECS::Cluster", (r, e) =>
        {
            var setting = r.Blocks("ClusterSettings").FirstOrDefault(s => s.String("Name").GetOrDefault() == "containerInsights");
            e.Add(EcsExecReading.WithExecuteCommand(new EcsCluster
            {
                Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
                ContainerInsights = setting is null ? Value.Default("disabled", r.Provenance) : setting.TextOrDefault("Value", "disabled"),
            }, r, "Configuration.ExecuteCommandConfiguration.", "KmsKeyId", "Logging", "LogConfiguration.",
                ["CloudWatchLogGroupName", "CloudWatchEncryptionEnabled", "S3BucketName", "S3EncryptionEnabled"]));
        });
    }

    private static void TaskDefinition(IResourceView r, IEstateBuilder e) => e.Add(new EcsTaskDefinition
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
        Family = r.String("Family"),
        NetworkMode = r.TextOrDefault("NetworkMode", "bridge"),
        PidMode = r.String("PidMode"),
        RequiresCompatibilities = r.StringsOrEmpty("RequiresCompatibilities"),
        Containers = Value.Of<IReadOnlyList<EcsContainer>>(r.Blocks("ContainerDefinitions").Select(Container).ToList(), r.At("ContainerDefinitions")),
        OperatingSystemFamily = r.TextOrDefault("RuntimePlatform.OperatingSystemFamily", "LINUX"),
        EfsVolumes = r.Blocks("Volumes").Where(v => v.Block("EFSVolumeConfiguration") is not null)
            .Select(v => new EcsEfsVolume(v.String("Name").GetOrDefault() ?? "",
                v.TextOrDefault("EFSVolumeConfiguration.TransitEncryption", "DISABLED").Map(s => s == "ENABLED")))
            .ToList(),
        TaskRole = r.RefOrNull("TaskRoleArn"),
        ExecutionRole = r.RefOrNull("ExecutionRoleArn"),
    });

    private static EcsContainer Container(IResourceView c) => new()
    {
        Name = c.String("Name").GetOrDefault() ?? "",
        Source = c.Provenance,
        Privileged = c.Bool("Privileged", false),
        ReadonlyRootFilesystem = c.Bool("ReadonlyRootFilesystem", false),
        User = c.String("User").Map(s => string.IsNullOrEmpty(s) ? null : s),
        Environment = c.Blocks("Environment").Select(v => new EnvironmentVariable(v.String("Name").GetOrDefault() ?? "", v.String("Value"))).ToList(),
        LogDriver = c.Block("LogConfiguration") is { } log ? log.String("LogDriver") : Value.Default<string?>(null, c.Provenance),
    };

    private static void Service(IResourceView r, IEstateBuilder e, string vpcBlock) => e.Add(new EcsService
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
        Cluster = r.RefOrNull("Cluster"),
        TaskDefinition = r.RefOrNull("TaskDefinition"),
        LaunchType = r.Has("CapacityProviderStrategy") ? Value.Default<string?>(null, r.At("CapacityProviderStrategy")) : r.String("LaunchType", "EC2"),
        CapacityProviders = Value.Of<IReadOnlyList<string>>(
            r.Blocks("CapacityProviderStrategy").Select(b => b.String("CapacityProvider").GetOrDefault() ?? "").ToList(),
            r.At("CapacityProviderStrategy")),
        PlatformVersion = r.TextOrDefault("PlatformVersion", "LATEST"),
        AssignPublicIp = r.TextOrDefault($"NetworkConfiguration.{vpcBlock}.AssignPublicIp", "DISABLED").Map(s => s == "ENABLED"),
        Subnets = r.RefsOrEmpty($"NetworkConfiguration.{vpcBlock}.Subnets"),
        SecurityGroups = r.RefsOrEmpty($"NetworkConfiguration.{vpcBlock}.SecurityGroups"),
    });
}
