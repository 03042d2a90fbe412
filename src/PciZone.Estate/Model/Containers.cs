namespace PciZone.Estate;

/// <summary>One plain (not secret-backed) environment variable of a container or function.</summary>
/// <param name="Name">Variable name.</param>
/// <param name="Value">The value as written; unknown when computed (a generated password, a reference).</param>
public sealed record EnvironmentVariable(string Name, Value<string?> Value);

/// <summary>One container definition of an ECS task definition.</summary>
public sealed record EcsContainer
{
    /// <summary>Container name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the container definition is written.</summary>
    public required Provenance Source { get; init; }

    /// <summary>Runs with elevated host privileges (<c>privileged</c>; default false).</summary>
    public Value<bool> Privileged { get; init; }

    /// <summary>Root filesystem mounted read-only (<c>readonlyRootFilesystem</c>; default false).</summary>
    public Value<bool> ReadonlyRootFilesystem { get; init; }

    /// <summary>The <c>user</c> the container runs as; null when unset (the image's user, root unless the image says otherwise).</summary>
    public Value<string?> User { get; init; }

    /// <summary>Plain environment variables (<c>environment</c>); <c>secrets</c> entries are not here.</summary>
    public IReadOnlyList<EnvironmentVariable> Environment { get; init; } = [];

    /// <summary>Log driver of <c>logConfiguration</c>; null when the container has none.</summary>
    public Value<string?> LogDriver { get; init; }
}

/// <summary>An EFS volume of a task definition.</summary>
/// <param name="Name">Volume name.</param>
/// <param name="TransitEncryption">Traffic to EFS is encrypted with TLS (default DISABLED, so false).</param>
public sealed record EcsEfsVolume(string Name, Value<bool> TransitEncryption);

/// <summary>An ECS task definition with its container definitions.</summary>
public sealed record EcsTaskDefinition : Resource
{
    /// <summary>Family.</summary>
    public Value<string?> Family { get; init; }

    /// <summary>Network mode: <c>bridge</c> (the default on Linux EC2), <c>host</c>, <c>awsvpc</c> or <c>none</c>.</summary>
    public Value<string> NetworkMode { get; init; }

    /// <summary>PID mode: <c>host</c>, <c>task</c>, or null (each container its own namespace).</summary>
    public Value<string?> PidMode { get; init; }

    /// <summary>Launch types the definition is validated for (<c>EC2</c>, <c>FARGATE</c>, <c>EXTERNAL</c>).</summary>
    public Value<IReadOnlyList<string>> RequiresCompatibilities { get; init; }

    /// <summary>Container definitions; unknown when the definitions are computed at apply.</summary>
    public Value<IReadOnlyList<EcsContainer>> Containers { get; init; }

    /// <summary>Operating system family of <c>runtimePlatform</c> (<c>LINUX</c> when unset, <c>WINDOWS_SERVER_2022_CORE</c> ...).</summary>
    public Value<string> OperatingSystemFamily { get; init; }

    /// <summary>EFS volumes.</summary>
    public IReadOnlyList<EcsEfsVolume> EfsVolumes { get; init; } = [];

    /// <summary>Task role (what the application may call); null when none.</summary>
    public Value<ResourceRef?> TaskRole { get; init; }

    /// <summary>Execution role (what the ECS agent uses to pull images and secrets); null when none.</summary>
    public Value<ResourceRef?> ExecutionRole { get; init; }
}

/// <summary>
/// An ECS service or task set: both launch tasks of a task definition with the same network and
/// platform settings (<c>SourceType</c> tells which).
/// </summary>
public sealed record EcsService : Resource
{
    /// <summary>Cluster.</summary>
    public Value<ResourceRef?> Cluster { get; init; }

    /// <summary>Task definition.</summary>
    public Value<ResourceRef?> TaskDefinition { get; init; }

    /// <summary>Launch type (<c>EC2</c>, <c>FARGATE</c>, <c>EXTERNAL</c>); null when a capacity provider strategy decides.</summary>
    public Value<string?> LaunchType { get; init; }

    /// <summary>Capacity providers of the strategy (<c>FARGATE</c>, <c>FARGATE_SPOT</c>, or named providers).</summary>
    public Value<IReadOnlyList<string>> CapacityProviders { get; init; }

    /// <summary>Fargate platform version; <c>LATEST</c> when unset.</summary>
    public Value<string> PlatformVersion { get; init; }

    /// <summary>Tasks get a public IPv4 address (awsvpc network configuration; default false).</summary>
    public Value<bool> AssignPublicIp { get; init; }

    /// <summary>Subnets of the awsvpc network configuration; empty when the service has none (bridge or host networking).</summary>
    public Value<IReadOnlyList<ResourceRef>> Subnets { get; init; }

    /// <summary>Security groups of the awsvpc network configuration; empty with subnets means the VPC's default group.</summary>
    public Value<IReadOnlyList<ResourceRef>> SecurityGroups { get; init; }

    /// <summary>True when the tasks run on Fargate (launch type or a FARGATE capacity provider).</summary>
    public Value<bool> OnFargate => LaunchType.IsUnknown
        ? LaunchType.Map(_ => false)
        : LaunchType.Get() is { } lt
            ? LaunchType.Map(_ => lt == "FARGATE")
            : CapacityProviders.Map(ps => ps.Any(p => p is "FARGATE" or "FARGATE_SPOT"));
}

/// <summary>An ECS cluster.</summary>
public sealed record EcsCluster : Resource
{
    /// <summary>Container Insights: <c>enabled</c>, <c>enhanced</c> or <c>disabled</c> (the default).</summary>
    public Value<string> ContainerInsights { get; init; }

    /// <summary>
    /// ECS Exec session logging: <c>DEFAULT</c> (AWS's default: only through a task's awslogs driver, when it has
    /// one), <c>NONE</c> or <c>OVERRIDE</c> (the destinations below).
    /// </summary>
    public Value<string> ExecuteCommandLogging { get; init; }

    /// <summary>KMS key that encrypts ECS Exec session data between the client and the container; null when none.</summary>
    public Value<ResourceRef?> ExecuteCommandKmsKey { get; init; }

    /// <summary>CloudWatch Logs group that ECS Exec sessions are logged to (with <c>OVERRIDE</c>); null when none.</summary>
    public Value<ResourceRef?> ExecuteCommandLogGroup { get; init; }

    /// <summary>ECS Exec logs only to an encrypted log group (<c>cloud_watch_encryption_enabled</c>; default false).</summary>
    public Value<bool> ExecuteCommandLogGroupEncryption { get; init; }

    /// <summary>S3 bucket that ECS Exec sessions are logged to (with <c>OVERRIDE</c>); null when none.</summary>
    public Value<ResourceRef?> ExecuteCommandS3Bucket { get; init; }

    /// <summary>ECS Exec logs only to an encrypted bucket (<c>s3_bucket_encryption_enabled</c>; default false).</summary>
    public Value<bool> ExecuteCommandS3Encryption { get; init; }
}

/// <summary>An EKS cluster.</summary>
public sealed record EksCluster : Resource
{
    /// <summary>Kubernetes version; null when unset (EKS picks its current default).</summary>
    public Value<string?> Version { get; init; }

    /// <summary>The API server endpoint is reachable from the internet (default true).</summary>
    public Value<bool> EndpointPublicAccess { get; init; }

    /// <summary>The API server endpoint is reachable from inside the VPC (default false).</summary>
    public Value<bool> EndpointPrivateAccess { get; init; }

    /// <summary>CIDR blocks allowed to the public endpoint (default 0.0.0.0/0).</summary>
    public Value<IReadOnlyList<string>> PublicAccessCidrs { get; init; }

    /// <summary>Subnets of the cluster's VPC configuration (where the control plane places its interfaces).</summary>
    public Value<IReadOnlyList<ResourceRef>> Subnets { get; init; }

    /// <summary>Additional security groups of the control-plane interfaces; EKS also adds the cluster security group it creates.</summary>
    public Value<IReadOnlyList<ResourceRef>> SecurityGroups { get; init; }

    /// <summary>KMS key that envelope-encrypts Kubernetes secrets; null when secrets are not in an encryption config.</summary>
    public Value<ResourceRef?> SecretsEncryptionKey { get; init; }

    /// <summary>Control-plane log types sent to CloudWatch Logs (<c>api</c>, <c>audit</c>, <c>authenticator</c>, <c>controllerManager</c>, <c>scheduler</c>).</summary>
    public Value<IReadOnlyList<string>> EnabledLogTypes { get; init; }
}

/// <summary>An EKS managed node group.</summary>
public sealed record EksNodeGroup : Resource
{
    /// <summary>Cluster.</summary>
    public Value<ResourceRef?> Cluster { get; init; }

    /// <summary>SSH remote access is configured (an EC2 key pair is set).</summary>
    public Value<bool> RemoteAccess { get; init; }

    /// <summary>Security groups allowed to SSH to the nodes; empty means SSH is open to 0.0.0.0/0 when remote access is on.</summary>
    public Value<IReadOnlyList<ResourceRef>> RemoteAccessSourceSecurityGroups { get; init; }
}

/// <summary>An ECR private repository joined with its repository policy and lifecycle policy.</summary>
public sealed record EcrRepository : Resource
{
    /// <summary>Repository name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>Basic scan on push (default false).</summary>
    public Value<bool> ScanOnPush { get; init; }

    /// <summary>Tag mutability: <c>MUTABLE</c> (the default) or <c>IMMUTABLE</c>.</summary>
    public Value<string> TagMutability { get; init; }

    /// <summary>Encryption type: <c>AES256</c> (the default) or <c>KMS</c>.</summary>
    public Value<string> EncryptionType { get; init; }

    /// <summary>Repository policy; null when none.</summary>
    public Value<PolicyDocument?> Policy { get; init; }

    /// <summary>A lifecycle policy is attached.</summary>
    public Value<bool> HasLifecyclePolicy { get; init; }
}

/// <summary>A registry scanning rule: scan frequency and the repository name filters it applies to.</summary>
/// <param name="Frequency"><c>SCAN_ON_PUSH</c>, <c>CONTINUOUS_SCAN</c> or <c>MANUAL</c>.</param>
/// <param name="RepositoryFilters">Wildcard filters on repository names.</param>
public sealed record EcrScanningRule(Value<string> Frequency, Value<IReadOnlyList<string>> RepositoryFilters);

/// <summary>The account's ECR registry scanning configuration.</summary>
public sealed record EcrRegistryScanning : Resource
{
    /// <summary><c>BASIC</c> or <c>ENHANCED</c> (Amazon Inspector).</summary>
    public Value<string> ScanType { get; init; }

    /// <summary>Scanning rules.</summary>
    public IReadOnlyList<EcrScanningRule> Rules { get; init; } = [];
}
