using System.Text.Json;
using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// ECS task definitions, services, task sets and clusters from a Terraform plan. A task definition's
/// <c>container_definitions</c> is a JSON string in the ECS API's own shape, so it is parsed here.
/// </summary>
internal sealed class ContainersEcsTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_ecs_task_definition", TaskDefinition);
        registry.Primary("aws_ecs_service", Service);
        registry.Primary("aws_ecs_task_set", Service);
        registry.Primary("aws_ecs_cluster", (r, e) => e.Add(EcsExecReading.WithExecuteCommand(new EcsCluster
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            ContainerInsights = ContainerInsights(r),
        }, r, "configuration.execute_command_configuration.", "kms_key_id", "logging", "log_configuration.",
            ["cloud_watch_log_group_name", "cloud_watch_encryption_enabled", "s3_bucket_name", "s3_bucket_encryption_enabled"])));
    }

    private static void TaskDefinition(IResourceView r, IEstateBuilder e) => e.Add(new EcsTaskDefinition
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        Family = r.String("family"),
        NetworkMode = r.TextOrDefault("network_mode", "bridge"),
        PidMode = r.OptionalTextOrDefault("pid_mode").Map(s => string.IsNullOrEmpty(s) ? null : s),
        RequiresCompatibilities = r.StringsOrEmpty("requires_compatibilities"),
        Containers = Containers(r),
        OperatingSystemFamily = r.TextOrDefault("runtime_platform.operating_system_family", "LINUX"),
        EfsVolumes = r.Blocks("volume").Where(v => v.Block("efs_volume_configuration") is not null)
            .Select(v => new EcsEfsVolume(v.String("name").GetOrDefault() ?? "",
                v.TextOrDefault("efs_volume_configuration.transit_encryption", "DISABLED").Map(s => s == "ENABLED")))
            .ToList(),
        TaskRole = r.RefOrNull("task_role_arn"),
        ExecutionRole = r.RefOrNull("execution_role_arn"),
    });

    private static Value<IReadOnlyList<EcsContainer>> Containers(IResourceView r)
    {
        var text = r.String("container_definitions");
        if (text.IsUnknown)
        {
            return Value.Unknown<IReadOnlyList<EcsContainer>>(text.UnknownReason ?? "unknown", text.Source);
        }

        var at = r.At("container_definitions");
        try
        {
            using var doc = JsonDocument.Parse(text.Get() ?? "[]");
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                return Value.Unknown<IReadOnlyList<EcsContainer>>("container_definitions is not a JSON array", at);
            }

            return Value.Of<IReadOnlyList<EcsContainer>>(doc.RootElement.EnumerateArray().Select((c, i) => Container(c, at.At($"[{i}]"))).ToList(), at);
        }
        catch (JsonException ex)
        {
            return Value.Unknown<IReadOnlyList<EcsContainer>>($"container_definitions is not valid JSON: {ex.Message}", at);
        }
    }

    private static EcsContainer Container(JsonElement c, Provenance at) => new()
    {
        Name = Text(c, "name") ?? "",
        Source = at,
        Privileged = Flag(c, "privileged", at),
        ReadonlyRootFilesystem = Flag(c, "readonlyRootFilesystem", at),
        User = Text(c, "user") is { Length: > 0 } user ? Value.Of<string?>(user, at.At("user")) : Value.Default<string?>(null, at),
        Environment = c.TryGetProperty("environment", out var env) && env.ValueKind == JsonValueKind.Array
            ? env.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object)
                .Select(v => new EnvironmentVariable(Text(v, "name") ?? "", Value.Of(Text(v, "value"), at.At("environment"))))
                .ToList()
            : [],
        LogDriver = c.TryGetProperty("logConfiguration", out var log) && log.ValueKind == JsonValueKind.Object
            ? Value.Of(Text(log, "logDriver"), at.At("logConfiguration"))
            : Value.Default<string?>(null, at),
    };

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        } : null;

    private static Value<bool> Flag(JsonElement o, string name, Provenance at) =>
        o.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? Value.Of(v.ValueKind == JsonValueKind.True, at.At(name))
            : Value.Default(false, at);

    private static void Service(IResourceView r, IEstateBuilder e) => e.Add(new EcsService
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        Cluster = r.RefOrNull("cluster"),
        TaskDefinition = r.RefOrNull("task_definition"),

        // With a capacity provider strategy the launch type stays unset.
        LaunchType = r.IsWritten("capacity_provider_strategy") ? Value.Default<string?>(null, r.At("capacity_provider_strategy"))
            : r.OptionalTextOrDefault("launch_type", "EC2"),
        CapacityProviders = Value.Of<IReadOnlyList<string>>(
            r.Blocks("capacity_provider_strategy").Select(b => b.String("capacity_provider").GetOrDefault() ?? "").ToList(),
            r.At("capacity_provider_strategy")),
        PlatformVersion = r.TextOrDefault("platform_version", "LATEST").Map(s => s.Length == 0 ? "LATEST" : s),
        AssignPublicIp = r.Block("network_configuration") is { } net ? net.BoolOrDefault("assign_public_ip", false) : Value.Default(false, r.Provenance),
        Subnets = r.Block("network_configuration") is { } subnets ? subnets.RefsOrEmpty("subnets") : Value.Default<IReadOnlyList<ResourceRef>>([], r.Provenance),
        SecurityGroups = r.Block("network_configuration") is { } groups ? groups.RefsOrEmpty("security_groups") : Value.Default<IReadOnlyList<ResourceRef>>([], r.Provenance),
    });

    private static Value<string> ContainerInsights(IResourceView r)
    {
        var setting = r.Blocks("setting").FirstOrDefault(s => s.String("name").GetOrDefault() == "containerInsights");
        return setting is null ? Value.Default("disabled", r.Provenance) : setting.TextOrDefault("value", "disabled");
    }
}
