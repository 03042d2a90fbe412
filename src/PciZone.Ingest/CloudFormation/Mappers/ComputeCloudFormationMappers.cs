using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>EBS volumes and EC2 instances from a CloudFormation template.</summary>
internal sealed class ComputeCloudFormationMappers : ICloudFormationMappers
{
    private static readonly string[] RootDeviceNames = ["/dev/xvda", "/dev/sda1"];

    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::EC2::Volume", (r, e) => e.Add(new EbsVolume
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Encrypted = r.Bool("Encrypted", false),
            KmsKey = r.RefOrNull("KmsKeyId"),
        }));
        registry.Primary("AWS::EC2::Instance", Instance);

        // CloudFormation instances have no metadata options of their own: a linked launch template
        // carries them, so the template joins its settings into every instance that names it.
        registry.Companion("AWS::EC2::LaunchTemplate", Template);
    }

    private static void Instance(IResourceView r, IEstateBuilder e)
    {
        var primaryEni = r.Blocks("NetworkInterfaces").FirstOrDefault(n => n.Int("DeviceIndex", -1).GetOrDefault(-1) == 0);
        var template = r.Has("LaunchTemplate") ? r.FirstRef("LaunchTemplate.LaunchTemplateId", "LaunchTemplate.LaunchTemplateName") : Value.Default<ResourceRef?>(null, r.At("LaunchTemplate"));
        var fromTemplate = template.GetOrDefault() is not null;
        var devices = r.Blocks("BlockDeviceMappings").Where(b => b.Has("Ebs")).ToList();
        var encrypted = devices.Select(b => b.Bool("Ebs.Encrypted", false)).ToList();
        if (!devices.Any(d => RootDeviceNames.Contains(d.String("DeviceName").GetOrDefault())))
        {
            // The root volume exists even when no mapping names it; it is unencrypted unless the AMI's
            // snapshot or the account default says otherwise.
            encrypted.Insert(0, Value.Default(false, r.At("BlockDeviceMappings")));
        }

        var deletion = devices.Select(b => b.Bool("Ebs.DeleteOnTermination", true)).ToList();
        if (deletion.Count < encrypted.Count)
        {
            deletion.Insert(0, Value.Default(true, r.At("BlockDeviceMappings")));
        }

        e.Add(new Ec2Instance
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Subnet = primaryEni is not null ? primaryEni.RefOrNull("SubnetId") : r.RefOrNull("SubnetId"),
            SecurityGroups = primaryEni is not null ? primaryEni.RefsOrEmpty("GroupSet")
                : r.Has("SecurityGroupIds") ? r.Refs("SecurityGroupIds") : r.RefsOrEmpty("SecurityGroups"),
            PrivateIp = (primaryEni ?? r).String("PrivateIpAddress").Map(s => string.IsNullOrEmpty(s) ? null : s),
            NetworkInterfaces = NetworkPathsCloudFormationMappers.InstanceInterfaces(r, e),
            AssociatePublicIp = primaryEni is not null && primaryEni.Has("AssociatePublicIpAddress")
                ? primaryEni.Bool("AssociatePublicIpAddress", false)
                : Value.Unknown<bool>("AssociatePublicIpAddress is not set: it follows the subnet's MapPublicIpOnLaunch", r.Provenance),
            MetadataHttpTokens = fromTemplate
                ? Value.Unknown<string>("metadata options come from a launch template outside this template", r.At("LaunchTemplate"))
                : Value.Default("optional", r.Provenance),
            MetadataHttpEndpoint = fromTemplate
                ? Value.Unknown<string>("metadata options come from a launch template outside this template", r.At("LaunchTemplate"))
                : Value.Default("enabled", r.Provenance),
            BlockDevicesEncrypted = encrypted,
            IamInstanceProfile = r.RefOrNull("IamInstanceProfile"),
            DetailedMonitoring = r.Bool("Monitoring", false),
            LaunchTemplate = template,
            KeyName = fromTemplate && !r.Has("KeyName")
                ? Value.Unknown<string?>("KeyName is not set: the launch template may name a key pair", r.At("KeyName"))
                : r.String("KeyName").Map(s => string.IsNullOrEmpty(s) ? null : s),
            BlockDevicesDeleteOnTermination = deletion,
            AttachedVolumes = r.BlockRefs("Volumes", "VolumeId"),
            UserData = UserDataText.Decoded(r, "UserData"),
            EnclaveEnabled = fromTemplate && !r.Has("EnclaveOptions")
                ? Value.Unknown<bool>("EnclaveOptions is not set: the launch template may enable Nitro Enclaves", r.At("EnclaveOptions"))
                : r.Bool("EnclaveOptions.Enabled", false),
        });
    }

    private static void Template(IResourceView r, IEstateBuilder e)
    {
        e.Add(ComputeLaunchTemplateCloudFormationMappers.FromLaunchTemplate(r));
        var tokens = r.TextOrDefault("LaunchTemplateData.MetadataOptions.HttpTokens", "optional").Map(s => s.ToLowerInvariant());
        var endpoint = r.TextOrDefault("LaunchTemplateData.MetadataOptions.HttpEndpoint", "enabled").Map(s => s.ToLowerInvariant());
        var users = e.Existing<Ec2Instance>()
            .Where(i => string.Equals(i.LaunchTemplate.GetOrDefault()?.Address, r.Address, StringComparison.Ordinal))
            .Select(i => i.Address)
            .ToList();
        foreach (var address in users)
        {
            e.Join<Ec2Instance>(r, Value.Of<ResourceRef?>(ResourceRef.To(address), r.Provenance),
                i => i with { MetadataHttpTokens = tokens, MetadataHttpEndpoint = endpoint });
        }
    }
}
