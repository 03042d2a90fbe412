using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>Firewall Manager policies from a Terraform plan.</summary>
internal sealed class EdgeFirewallManagerTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry) => registry.Primary("aws_fms_policy", (r, e) =>
    {
        var type = r.String("security_service_policy_data.type").Map(s => s ?? "");
        e.Add(new FmsPolicy
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            ServiceType = type,
            RemediationEnabled = r.BoolOrDefault("remediation_enabled", false),
            RuleGroups = FmsManagedServiceData.RuleGroups(type, r.String("security_service_policy_data.managed_service_data"), r.At("security_service_policy_data")),
        });
    });
}
