using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>AWS Audit Manager assessments.</summary>
internal sealed class AuditManagerCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry) =>
        registry.Primary("AWS::AuditManager::Assessment", (r, e) => e.Add(new AuditManagerAssessment
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Name = r.String("Name"),
            Framework = r.Ref("FrameworkId"),
            ReportsDestination = r.Ref("AssessmentReportsDestination.Destination"),
        }));
}
