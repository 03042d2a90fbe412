using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// Launch templates, Auto Scaling launch configurations and the account-wide EC2 sharing blocks
/// from a Terraform plan.
/// </summary>
internal sealed class ComputeLaunchTemplateTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_launch_template", (r, e) => e.Add(Template(r, isConfiguration: false)
            with
            {
                AssociatePublicIp = AnyPublic(r.Blocks("network_interfaces").Select(TriState), r.At("network_interfaces")),
                UserData = UserDataText.Decoded(r, "user_data"),
                EnclaveEnabled = r.BoolOrDefault("enclave_options.enabled", false),
                SecurityGroups = r.Blocks("network_interfaces").Aggregate(
                    NetworkPathJoins.Append(r.RefsOrEmpty("vpc_security_group_ids"), r.RefsOrEmpty("security_group_names")),
                    (groups, nic) => NetworkPathJoins.Append(groups, nic.RefsOrEmpty("security_groups"))),
            }));
        registry.Primary("aws_launch_configuration", (r, e) => e.Add(Template(r, isConfiguration: true)
            with
            {
                AssociatePublicIp = TriState(r, "associate_public_ip_address"),
                UserData = UserDataText.TerraformHashedOrBase64(r),
                EnclaveEnabled = Value.Default(false, r.Provenance),
                SecurityGroups = r.RefsOrEmpty("security_groups"),
            }));
        registry.Primary("aws_ebs_snapshot_block_public_access", (r, e) => e.Add(new EbsSnapshotBlockPublicAccess
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            State = r.String("state").Map(s => s ?? ""),
        }));
        registry.Primary("aws_ec2_image_block_public_access", (r, e) => e.Add(new ImageBlockPublicAccess
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            State = r.String("state").Map(s => s ?? ""),
        }));
    }

    // Without metadata_options (or with an attribute left out) AWS's instance defaults apply.
    private static LaunchTemplate Template(IResourceView r, bool isConfiguration) => new()
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        IsLaunchConfiguration = isConfiguration,
        MetadataHttpTokens = r.TextOrDefault("metadata_options.http_tokens", "optional").Map(s => s.ToLowerInvariant()),
        MetadataHttpEndpoint = r.TextOrDefault("metadata_options.http_endpoint", "enabled").Map(s => s.ToLowerInvariant()),
        MetadataHopLimit = r.IntOrDefault("metadata_options.http_put_response_hop_limit", 1),
    };

    // The launch template's attribute is a string ("true", "false" or empty); empty or unset leaves the
    // decision to the subnet.
    private static Value<bool?> TriState(IResourceView b) => TriState(b, "associate_public_ip_address");

    private static Value<bool?> TriState(IResourceView r, string path)
    {
        var v = r.String(path);
        if (v.IsUnknown)
        {
            return r.IsWritten(path) ? Value.Unknown<bool?>(v.UnknownReason ?? "unknown", v.Source) : Value.Default<bool?>(null, r.At(path));
        }

        return v.Get()?.ToLowerInvariant() switch
        {
            "true" => Value.Of<bool?>(true, r.At(path)),
            "false" => Value.Of<bool?>(false, r.At(path)),
            _ => Value.Default<bool?>(null, r.At(path)),
        };
    }

    /// <summary>True when any interface asks for a public address; unknown when one cannot be read; else false or null.</summary>
    internal static Value<bool?> AnyPublic(IEnumerable<Value<bool?>> interfaces, Provenance at)
    {
        var list = interfaces.ToList();
        foreach (var wanted in new Func<Value<bool?>, bool>[] { v => v.IsKnown && v.Get() == true, v => v.IsUnknown, v => v.IsKnown && v.Get() == false })
        {
            // Any() first: FirstOrDefault of an empty list is a default Value, which reads as Unknown.
            if (list.Any(wanted))
            {
                return list.First(wanted);
            }
        }

        return Value.Default<bool?>(null, at);
    }
}
