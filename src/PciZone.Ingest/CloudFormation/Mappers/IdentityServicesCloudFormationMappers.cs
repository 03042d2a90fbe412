using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>
/// GuardDuty detectors, Security Hub (with its organisation configuration and finding aggregator) and IAM
/// Access Analyzer. CloudFormation has no account password policy or GuardDuty findings export resource.
/// </summary>
internal sealed class IdentityServicesCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::GuardDuty::Detector", Detector);
        registry.Primary("AWS::SecurityHub::Hub", Hub);
        registry.Companion("AWS::SecurityHub::Standard", (r, e) => IdentityJoins.AddStandard(e, r, r.String("StandardsArn").Map(v => v ?? "")));
        registry.Primary("AWS::SecurityHub::OrganizationConfiguration", (r, e) => e.Add(new SecurityHubOrganizationConfiguration
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            AutoEnable = r.Bool("AutoEnable", false),
            ConfigurationType = r.String("ConfigurationType", "LOCAL"),
        }));
        registry.Primary("AWS::SecurityHub::FindingAggregator", (r, e) => e.Add(new SecurityHubFindingAggregator
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            LinkingMode = r.String("RegionLinkingMode"),
            Regions = r.Strings("Regions"),
        }));

        // Type is required; a template without it does not deploy.
        registry.Primary("AWS::AccessAnalyzer::Analyzer", (r, e) => e.Add(new AccessAnalyzer
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            Name = r.String("AnalyzerName"),
            AnalyzerType = r.Has("Type") ? r.String("Type") : Value.Unknown<string?>("Type is required and missing", r.Provenance),
        }));
    }

    private static void Detector(IResourceView r, IEstateBuilder estate)
    {
        var features = IdentityJoins.DefaultDetectorFeatures(r.Provenance);
        if (r.Has("DataSources.S3Logs"))
        {
            features["S3_DATA_EVENTS"] = r.Bool("DataSources.S3Logs.Enable", true);
        }

        if (r.Has("DataSources.Kubernetes.AuditLogs"))
        {
            features["EKS_AUDIT_LOGS"] = r.Bool("DataSources.Kubernetes.AuditLogs.Enable", true);
        }

        if (r.Has("DataSources.MalwareProtection.ScanEc2InstanceWithFindings.EbsVolumes"))
        {
            features["EBS_MALWARE_PROTECTION"] = r.Bool("DataSources.MalwareProtection.ScanEc2InstanceWithFindings.EbsVolumes", true);
        }

        // Features overrides DataSources where both name the same protection.
        foreach (var f in r.Blocks("Features"))
        {
            if (f.String("Name").GetOrDefault() is { Length: > 0 } name)
            {
                features[name] = f.String("Status").Map(s => string.Equals(s, "ENABLED", StringComparison.Ordinal));
            }
        }

        estate.Add(new GuardDutyDetector
        {
            Address = r.Address,
            SourceType = r.Type,
            Provenance = r.Provenance,
            Tags = r.Tags("Tags"),
            // Enable is required by the resource schema; a template without it does not deploy.
            Enabled = r.Has("Enable") ? r.Bool("Enable", true) : Value.Unknown<bool>("Enable is required and missing", r.Provenance),
            FindingPublishingFrequency = r.String("FindingPublishingFrequency", "SIX_HOURS"),
            Features = features,
        });
    }

    private static void Hub(IResourceView r, IEstateBuilder estate) => estate.Add(new SecurityHubAccount
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("Tags"),
        EnableDefaultStandards = r.Bool("EnableDefaultStandards", true),
    });
}
