using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>Firewall Manager policies from a CloudFormation template.</summary>
internal sealed class EdgeFirewallManagerCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry) => registry.Primary("AWS::FMS::Policy", (r, e) =>
    {
        var type = r.String("SecurityServicePolicyData.Type").Map(s => s ?? "");
        e.Add(new FmsPolicy
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Name = r.String("PolicyName"),
            ServiceType = type,
            RemediationEnabled = r.Bool("RemediationEnabled", false),
            RuleGroups = FmsManagedServiceData.RuleGroups(type, r.String("SecurityServicePolicyData.ManagedServiceData"), r.At("SecurityServicePolicyData")),
        });
    });
}
