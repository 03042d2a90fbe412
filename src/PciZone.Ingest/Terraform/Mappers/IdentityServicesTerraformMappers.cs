using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// The account password policy, GuardDuty detectors (with their features and findings exports), Security
/// Hub (with its organisation configuration and finding aggregator) and IAM Access Analyzer.
/// </summary>
internal sealed class IdentityServicesTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_iam_account_password_policy", PasswordPolicy);
        registry.Primary("aws_guardduty_detector", Detector);
        registry.Primary("aws_securityhub_account", SecurityHub);
        registry.Companion("aws_guardduty_detector_feature", DetectorFeature);
        registry.Companion("aws_securityhub_standards_subscription", (r, e) => IdentityJoins.AddStandard(e, r, NonNull(r.String("standards_arn"))));
        registry.Companion("aws_guardduty_publishing_destination", (r, e) =>
        {
            var destination = new GuardDutyPublishingDestination(
                r.String("destination_type", "S3"), r.Ref("destination_arn"), r.Ref("kms_key_arn"), r.Provenance);
            e.Join<GuardDutyDetector>(r, r.Ref("detector_id"), d => d with { PublishingDestinations = [.. d.PublishingDestinations, destination] });
        });
        registry.Primary("aws_securityhub_organization_configuration", (r, e) => e.Add(new SecurityHubOrganizationConfiguration
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            AutoEnable = r.Bool("auto_enable", false),
            ConfigurationType = r.OptionalTextOrDefault("organization_configuration.configuration_type", "LOCAL"),
        }));
        registry.Primary("aws_securityhub_finding_aggregator", (r, e) => e.Add(new SecurityHubFindingAggregator
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            LinkingMode = r.String("linking_mode"),
            Regions = r.StringsOrEmpty("specified_regions"),
        }));
        registry.Primary("aws_accessanalyzer_analyzer", (r, e) => e.Add(new AccessAnalyzer
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("analyzer_name"),
            AnalyzerType = r.String("type", "ACCOUNT"),
        }));
    }

    // Every attribute but the length is Optional+Computed: unknown in the plan unless written, and
    // then the provider leaves it out of UpdateAccountPasswordPolicy, so AWS's default applies
    // (false for the character classes, 0 = never for expiry and reuse). The length defaults to 6.
    private static void PasswordPolicy(IResourceView r, IEstateBuilder estate) => estate.Add(new PasswordPolicy
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        MinimumLength = r.IsWritten("minimum_password_length") ? r.Int("minimum_password_length", 6) : Value.Default(6, r.Provenance),
        RequireLowercase = WrittenBool(r, "require_lowercase_characters"),
        RequireUppercase = WrittenBool(r, "require_uppercase_characters"),
        RequireNumbers = WrittenBool(r, "require_numbers"),
        RequireSymbols = WrittenBool(r, "require_symbols"),
        MaxAgeDays = WrittenInt(r, "max_password_age"),
        ReusePrevention = WrittenInt(r, "password_reuse_prevention"),
    });

    private static void Detector(IResourceView r, IEstateBuilder estate)
    {
        var features = IdentityJoins.DefaultDetectorFeatures(r.Provenance);
        // The legacy datasources block is Optional+Computed: only a written block says anything.
        if (r.IsWritten("datasources.s3_logs"))
        {
            features["S3_DATA_EVENTS"] = r.Bool("datasources.s3_logs.enable", true);
        }

        if (r.IsWritten("datasources.kubernetes.audit_logs"))
        {
            features["EKS_AUDIT_LOGS"] = r.Bool("datasources.kubernetes.audit_logs.enable", true);
        }

        if (r.IsWritten("datasources.malware_protection.scan_ec2_instance_with_findings.ebs_volumes"))
        {
            features["EBS_MALWARE_PROTECTION"] = r.Bool("datasources.malware_protection.scan_ec2_instance_with_findings.ebs_volumes.enable", true);
        }

        estate.Add(new GuardDutyDetector
        {
            Address = r.Address,
            SourceType = r.Type,
            Provenance = r.Provenance,
            Tags = r.Tags("tags"),
            Enabled = r.Bool("enable", true),
            FindingPublishingFrequency = r.IsWritten("finding_publishing_frequency")
                ? r.String("finding_publishing_frequency")
                : Value.Default<string?>("SIX_HOURS", r.Provenance),
            Features = features,
        });
    }

    private static void DetectorFeature(IResourceView r, IEstateBuilder estate)
    {
        var name = r.String("name").GetOrDefault() ?? "";
        var enabled = r.String("status").Map(s => string.Equals(s, "ENABLED", StringComparison.Ordinal));
        estate.Join<GuardDutyDetector>(r, r.Ref("detector_id"),
            d => d with { Features = new Dictionary<string, Value<bool>>(d.Features, StringComparer.Ordinal) { [name] = enabled } });
    }

    private static void SecurityHub(IResourceView r, IEstateBuilder estate) => estate.Add(new SecurityHubAccount
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        EnableDefaultStandards = r.Bool("enable_default_standards", true),
    });

    private static Value<bool> WrittenBool(IResourceView r, string path) =>
        r.IsWritten(path) ? r.Bool(path, false) : Value.Default(false, r.Provenance);

    private static Value<int> WrittenInt(IResourceView r, string path) =>
        r.IsWritten(path) ? r.Int(path, 0) : Value.Default(0, r.Provenance);

    private static Value<string> NonNull(Value<string?> value) => value.Map(v => v ?? "");
}
