using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>AWS Audit Manager assessments.</summary>
internal sealed class AuditManagerTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry) =>
        registry.Primary("aws_auditmanager_assessment", (r, e) => e.Add(new AuditManagerAssessment
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            Framework = r.Ref("framework_id"),
            ReportsDestination = r.Has("assessment_reports_destination")
                ? r.Ref("assessment_reports_destination.destination")
                : Value.Default<ResourceRef?>(null, r.Provenance),
        }));
}
