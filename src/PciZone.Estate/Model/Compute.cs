namespace PciZone.Estate;

/// <summary>An EBS volume.</summary>
public sealed record EbsVolume : Resource
{
    /// <summary>Encrypted at rest.</summary>
    public Value<bool> Encrypted { get; init; }

    /// <summary>KMS key.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }

    /// <summary>Instances a volume attachment (<c>aws_volume_attachment</c>, <c>AWS::EC2::VolumeAttachment</c>) attaches the volume to.</summary>
    public IReadOnlyList<Value<ResourceRef?>> Attachments { get; init; } = [];
}

/// <summary>Account default EBS encryption (<c>aws_ebs_encryption_by_default</c>).</summary>
public sealed record EbsDefaultEncryption : Resource
{
    /// <summary>Enabled.</summary>
    public Value<bool> Enabled { get; init; }
}

/// <summary>An EC2 instance (or launch template treated alike).</summary>
public sealed record Ec2Instance : Resource
{
    /// <summary>Subnet.</summary>
    public Value<ResourceRef?> Subnet { get; init; }

    /// <summary>Security groups.</summary>
    public Value<IReadOnlyList<ResourceRef>> SecurityGroups { get; init; }

    /// <summary>Gets a public IPv4 address at launch.</summary>
    public Value<bool> AssociatePublicIp { get; init; }

    /// <summary>IMDS token setting: <c>required</c> (IMDSv2 only) or <c>optional</c>.</summary>
    public Value<string> MetadataHttpTokens { get; init; }

    /// <summary>IMDS endpoint: <c>enabled</c> or <c>disabled</c>.</summary>
    public Value<string> MetadataHttpEndpoint { get; init; }

    /// <summary>Root and attached block devices: encrypted flags.</summary>
    public IReadOnlyList<Value<bool>> BlockDevicesEncrypted { get; init; } = [];

    /// <summary>Instance profile.</summary>
    public Value<ResourceRef?> IamInstanceProfile { get; init; }

    /// <summary>Detailed monitoring.</summary>
    public Value<bool> DetailedMonitoring { get; init; }

    /// <summary>
    /// Launch template the instance is launched from, or null. CloudFormation instances take their
    /// metadata options only from it, so a reader fills the IMDS settings from the linked template.
    /// </summary>
    public Value<ResourceRef?> LaunchTemplate { get; init; }

    /// <summary>EC2 key pair name, or null when the instance has none (access through Session Manager).</summary>
    public Value<string?> KeyName { get; init; }

    /// <summary>Primary private IPv4 address when written; null when AWS assigns one from the subnet.</summary>
    public Value<string?> PrivateIp { get; init; }

    /// <summary>
    /// Network interfaces named in the instance's own interface list (<c>network_interface</c> blocks,
    /// CloudFormation <c>NetworkInterfaces</c>, inline ones as <c>&lt;instance&gt;.NetworkInterfaces[i]</c>),
    /// the primary included; empty when the instance is launched into <see cref="Subnet"/> directly.
    /// Interfaces attached by attachment resources name the instance in <see cref="NetworkInterface.AttachedInstance"/>.
    /// </summary>
    public Value<IReadOnlyList<ResourceRef>> NetworkInterfaces { get; init; }

    /// <summary>Root and attached block devices: the volume is deleted when the instance terminates (AWS default true).</summary>
    public IReadOnlyList<Value<bool>> BlockDevicesDeleteOnTermination { get; init; } = [];

    /// <summary>Volumes the instance declares as attached (CloudFormation <c>Volumes</c>); empty in Terraform, which attaches from the attachment's side.</summary>
    public Value<IReadOnlyList<ResourceRef>> AttachedVolumes { get; init; }

    /// <summary>
    /// User data as text (decoded from base64 where the input gives it so); null when none. Unknown when the
    /// input does not show it (the Terraform AWS provider plans <c>user_data</c> as a hash).
    /// </summary>
    public Value<string?> UserData { get; init; }

    /// <summary>Nitro Enclaves are enabled on the instance (default false).</summary>
    public Value<bool> EnclaveEnabled { get; init; }
}

/// <summary>A load balancer (ALB, NLB, GWLB or classic ELB).</summary>
public sealed record LoadBalancer : Resource
{
    /// <summary><c>application</c>, <c>network</c>, <c>gateway</c> or <c>classic</c>.</summary>
    public Value<string> Kind { get; init; }

    /// <summary>Internal (not internet-facing).</summary>
    public Value<bool> Internal { get; init; }

    /// <summary>ALB drops invalid header fields (request smuggling defence).</summary>
    public Value<bool> DropInvalidHeaderFields { get; init; }

    /// <summary>Deletion protection.</summary>
    public Value<bool> DeletionProtection { get; init; }

    /// <summary>Access logs on.</summary>
    public Value<bool> AccessLogsEnabled { get; init; }

    /// <summary>Security groups.</summary>
    public Value<IReadOnlyList<ResourceRef>> SecurityGroups { get; init; }

    /// <summary>Subnets.</summary>
    public Value<IReadOnlyList<ResourceRef>> Subnets { get; init; }

    /// <summary>Elastic IPs of a network load balancer's subnet mappings (<c>allocation_id</c>); empty otherwise.</summary>
    public Value<IReadOnlyList<ResourceRef>> ElasticIps { get; init; }

    /// <summary>
    /// HTTP desync mitigation mode, lower-case: <c>monitor</c>, <c>defensive</c> (AWS default) or
    /// <c>strictest</c>; null for network and gateway load balancers, which do not parse HTTP.
    /// </summary>
    public Value<string?> DesyncMitigationMode { get; init; }
}

/// <summary>A listener: an <c>aws_lb_listener</c>, or one listener block of a classic ELB.</summary>
public sealed record Listener : Resource
{
    /// <summary>Load balancer.</summary>
    public Value<ResourceRef?> LoadBalancer { get; init; }

    /// <summary>Port.</summary>
    public Value<int> Port { get; init; }

    /// <summary>Protocol, upper-case: HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, GENEVE, SSL.</summary>
    public Value<string> Protocol { get; init; }

    /// <summary>TLS security policy name.</summary>
    public Value<string?> SslPolicy { get; init; }

    /// <summary>Certificate ARN.</summary>
    public Value<string?> CertificateArn { get; init; }

    /// <summary>
    /// The default certificate as a reference: the estate address of the resource that supplies the
    /// ARN when the input links to one (an ACM certificate, its validation, an IAM server certificate),
    /// else the literal ARN; null when the listener has no certificate.
    /// </summary>
    public Value<ResourceRef?> Certificate { get; init; }

    /// <summary>The default action redirects to HTTPS.</summary>
    public Value<bool> RedirectsToHttps { get; init; }

    /// <summary>Target groups the default actions forward to (plain and weighted forwards); empty for other actions and classic listeners.</summary>
    public Value<IReadOnlyList<ResourceRef>> DefaultTargetGroups { get; init; }
}
