using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>EBS volumes, account EBS encryption and EC2 instances from a Terraform plan.</summary>
internal sealed class ComputeTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        // Unset, "encrypted" follows the account's default EBS encryption; false is AWS's own default.
        registry.Primary("aws_ebs_volume", (r, e) => e.Add(new EbsVolume
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Encrypted = r.BoolOrDefault("encrypted", false),
            KmsKey = r.RefOrNull("kms_key_id"),
        }));
        registry.Primary("aws_ebs_encryption_by_default", (r, e) => e.Add(new EbsDefaultEncryption
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Enabled = r.Bool("enabled", true),
        }));
        registry.Primary("aws_instance", Instance);
    }

    private static void Instance(IResourceView r, IEstateBuilder e)
    {
        var template = r.IsWritten("launch_template") ? r.FirstRef("launch_template.id", "launch_template.name") : Value.Default<ResourceRef?>(null, r.At("launch_template"));
        var fromTemplate = template.GetOrDefault() is not null;
        e.Add(new Ec2Instance
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Subnet = r.IsWritten("network_interface")
                ? Value.Unknown<ResourceRef?>("the instance takes its subnet from an attached network interface", r.At("network_interface"))
                : r.RefOrNull("subnet_id"),
            SecurityGroups = r.IsWritten("security_groups") ? r.Refs("security_groups") : r.RefsOrEmpty("vpc_security_group_ids"),
            PrivateIp = r.OptionalTextOrDefault("private_ip").Map(s => string.IsNullOrEmpty(s) ? null : s),
            NetworkInterfaces = NetworkPathsTerraformMappers.InstanceInterfaces(r),
            AssociatePublicIp = r.IsWritten("associate_public_ip_address") || r.Bool("associate_public_ip_address", false).IsKnown
                ? r.Bool("associate_public_ip_address", false)
                : Value.Unknown<bool>("associate_public_ip_address is not set: it follows the subnet's map_public_ip_on_launch", r.At("associate_public_ip_address")),
            MetadataHttpTokens = Imds(r, "http_tokens", "optional", fromTemplate),
            MetadataHttpEndpoint = Imds(r, "http_endpoint", "enabled", fromTemplate),
            BlockDevicesEncrypted = [Root(r), .. r.Blocks("ebs_block_device").Select(b => b.BoolOrDefault("encrypted", false))],
            IamInstanceProfile = r.RefOrNull("iam_instance_profile"),
            DetailedMonitoring = r.BoolOrDefault("monitoring", false),
            LaunchTemplate = template,
            KeyName = r.IsWritten("key_name") || r.String("key_name").IsKnown || !fromTemplate
                ? r.OptionalTextOrDefault("key_name").Map(s => string.IsNullOrEmpty(s) ? null : s)
                : Value.Unknown<string?>("key_name is not set: the launch template may name a key pair", r.At("key_name")),
            BlockDevicesDeleteOnTermination =
                [RootDeletion(r), .. r.Blocks("ebs_block_device").Select(b => b.BoolOrDefault("delete_on_termination", true))],
            AttachedVolumes = Value.Default<IReadOnlyList<ResourceRef>>([], r.Provenance),
            UserData = UserDataText.TerraformHashedOrBase64(r),
            EnclaveEnabled = r.IsWritten("enclave_options") || !fromTemplate
                ? r.BoolOrDefault("enclave_options.enabled", false)
                : Value.Unknown<bool>("enclave_options is not set: the launch template may enable Nitro Enclaves", r.At("enclave_options")),
        });
    }

    // Without metadata_options the launch template decides, else AWS's default applies (AMIs flagged
    // imds-support v2.0 default to required; the reader cannot see the AMI, so it takes "optional").
    private static Value<string> Imds(IResourceView r, string attribute, string awsDefault, bool fromTemplate)
    {
        var path = $"metadata_options.{attribute}";
        var v = r.String(path, awsDefault);
        if (v.IsKnown || r.IsWritten(path))
        {
            return v.Map(s => (s ?? awsDefault).ToLowerInvariant());
        }

        return fromTemplate
            ? Value.Unknown<string>("metadata options come from the launch template", r.At(path))
            : Value.Default(awsDefault, r.At(path));
    }

    private static Value<bool> RootDeletion(IResourceView r) =>
        r.Block("root_block_device") is { } root ? root.BoolOrDefault("delete_on_termination", true) : Value.Default(true, r.At("root_block_device"));

    // The root volume exists whether or not root_block_device is written.
    private static Value<bool> Root(IResourceView r) =>
        r.Block("root_block_device") is { } root ? root.BoolOrDefault("encrypted", false) : Value.Default(false, r.At("root_block_device"));
}
