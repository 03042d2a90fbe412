using PciZone.Estate;
using PciZone.Ingest.Terraform.Mappers;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>
/// Auto Scaling launch configurations from a CloudFormation template, and the LaunchTemplate record
/// that <see cref="ComputeCloudFormationMappers"/> adds for each <c>AWS::EC2::LaunchTemplate</c>.
/// </summary>
internal sealed class ComputeLaunchTemplateCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::AutoScaling::LaunchConfiguration", (r, e) => e.Add(Read(r, "", isConfiguration: true)
            with { AssociatePublicIp = TriState(r, "AssociatePublicIpAddress"), SecurityGroups = r.RefsOrEmpty("SecurityGroups") }));
        registry.Primary("AWS::EC2::SnapshotBlockPublicAccess", (r, e) => e.Add(new EbsSnapshotBlockPublicAccess
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            State = r.String("State").Map(s => s ?? ""),
        }));
    }

    /// <summary>The launch template's own record (its data sits under LaunchTemplateData).</summary>
    internal static LaunchTemplate FromLaunchTemplate(IResourceView r) => Read(r, "LaunchTemplateData.", isConfiguration: false) with
    {
        AssociatePublicIp = ComputeLaunchTemplateTerraformMappers.AnyPublic(
            r.Blocks("LaunchTemplateData.NetworkInterfaces").Select(n => TriState(n, "AssociatePublicIpAddress")), r.At("LaunchTemplateData.NetworkInterfaces")),
        SecurityGroups = r.Blocks("LaunchTemplateData.NetworkInterfaces").Aggregate(
            NetworkPathJoins.Append(r.RefsOrEmpty("LaunchTemplateData.SecurityGroupIds"), r.RefsOrEmpty("LaunchTemplateData.SecurityGroups")),
            (groups, nic) => NetworkPathJoins.Append(groups, nic.RefsOrEmpty("Groups"))),
    };

    private static LaunchTemplate Read(IResourceView r, string prefix, bool isConfiguration) => new()
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
        IsLaunchConfiguration = isConfiguration,
        MetadataHttpTokens = r.TextOrDefault($"{prefix}MetadataOptions.HttpTokens", "optional").Map(s => s.ToLowerInvariant()),
        MetadataHttpEndpoint = r.TextOrDefault($"{prefix}MetadataOptions.HttpEndpoint", "enabled").Map(s => s.ToLowerInvariant()),
        MetadataHopLimit = r.Int($"{prefix}MetadataOptions.HttpPutResponseHopLimit", 1),
        UserData = UserDataText.Decoded(r, $"{prefix}UserData"),
        EnclaveEnabled = isConfiguration ? Value.Default(false, r.Provenance) : r.Bool($"{prefix}EnclaveOptions.Enabled", false),
    };

    private static Value<bool?> TriState(IResourceView r, string path) =>
        r.Has(path) ? r.Bool(path, false).Map<bool?>(b => b) : Value.Default<bool?>(null, r.At(path));
}
