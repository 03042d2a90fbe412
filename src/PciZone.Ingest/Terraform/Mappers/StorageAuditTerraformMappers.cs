using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// CloudTrail trails and Lake event data stores, AWS Config recorders (joined with their status),
/// delivery channels, aggregators and conformance packs from a Terraform plan.
/// </summary>
internal sealed class StorageAuditTerraformMappers : ITerraformMappers
{
    // An element of a selector list that references another resource is unknown in the plan; it is
    // kept as a placeholder so that it still counts as a named resource, never as "all buckets".
    private const string UnknownElement = "(known after apply)";

    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_cloudtrail", Trail);
        registry.Primary("aws_config_configuration_recorder", Recorder);
        registry.Companion("aws_config_configuration_recorder_status", (r, e) =>
            e.Join<ConfigRecorder>(r, r.Ref("name"), c => c with { IsRecording = r.Bool("is_enabled", false) }, c => c.Name.GetOrDefault()));
        registry.Primary("aws_config_delivery_channel", (r, e) => e.Add(new ConfigDeliveryChannel
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            S3Bucket = r.Ref("s3_bucket_name"),
            SnsTopic = r.Ref("sns_topic_arn"),
            SnapshotFrequency = r.String("snapshot_delivery_properties.delivery_frequency"),
        }));
        registry.Primary("aws_cloudtrail_event_data_store", (r, e) => e.Add(new TrailEventDataStore
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            KmsKey = r.RefOrNull("kms_key_id"),
            RetentionDays = r.IntOrDefault("retention_period", 2555),
        }));
        registry.Primary("aws_config_configuration_aggregator", Aggregator);
        registry.Primary("aws_config_conformance_pack", (r, e) => ConformancePack(r, e, organization: false));
        registry.Primary("aws_config_organization_conformance_pack", (r, e) => ConformancePack(r, e, organization: true));
    }

    private static void Aggregator(IResourceView r, IEstateBuilder estate)
    {
        var organization = r.Block("organization_aggregation_source");
        var source = organization ?? r.Block("account_aggregation_source");
        estate.Add(new ConfigAggregator
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            OrganizationSource = Value.Of(organization is not null, r.Provenance),
            AllRegions = source?.Bool("all_regions", false) ?? Value.Default(false, r.Provenance),
            Regions = source?.Strings("regions") ?? Value.Default<IReadOnlyList<string>>([], r.Provenance),
        });
    }

    private static void ConformancePack(IResourceView r, IEstateBuilder estate, bool organization) => estate.Add(new ConfigConformancePack
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
        Name = r.String("name"),
        Organization = organization,
        TemplateUri = r.String("template_s3_uri"),
        TemplateBody = r.String("template_body"),
        ExcludedAccounts = organization ? r.StringsOrEmpty("excluded_accounts") : Value.Default<IReadOnlyList<string>>([], r.Provenance),
    });

    private static void Trail(IResourceView r, IEstateBuilder estate) => estate.Add(new Trail
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        Name = r.String("name").Map(s => s ?? ""),
        IsMultiRegion = r.Bool("is_multi_region_trail", false),
        IncludeGlobalServiceEvents = r.Bool("include_global_service_events", true),
        IsOrganizationTrail = r.Bool("is_organization_trail", false),
        LogFileValidation = r.Bool("enable_log_file_validation", false),
        IsLogging = r.Bool("enable_logging", true),
        KmsKey = r.Ref("kms_key_id"),
        S3Bucket = r.Ref("s3_bucket_name"),
        CloudWatchLogGroup = r.Ref("cloud_watch_logs_group_arn"),
        EventSelectors = Value.Of<IReadOnlyList<TrailEventSelector>>(
            r.Blocks("event_selector").Select(s => new TrailEventSelector(
                s.String("read_write_type", "All").Map(v => v ?? "All"),
                s.Bool("include_management_events", true),
                s.Blocks("data_resource").Select(d => new TrailDataResource(
                    d.String("type").GetOrDefault() ?? "", Known(d.Strings("values")))).ToList())).ToList(),
            r.At("event_selector")),
        AdvancedEventSelectors = Value.Of<IReadOnlyList<TrailAdvancedSelector>>(
            r.Blocks("advanced_event_selector").Select(s => new TrailAdvancedSelector(
                s.String("name").GetOrDefault(),
                s.Blocks("field_selector").Select(f => new TrailFieldSelector(
                    f.String("field").GetOrDefault() ?? "",
                    Known(f.Strings("equals")), Known(f.Strings("starts_with")),
                    Known(f.Strings("not_equals")), Known(f.Strings("not_starts_with")))).ToList())).ToList(),
            r.At("advanced_event_selector")),
        InsightTypes = Value.Of<IReadOnlyList<string>>(
            r.Blocks("insight_selector").Select(i => i.String("insight_type").GetOrDefault() ?? "").ToList(), r.At("insight_selector")),
        SnsTopic = r.RefOrNull("sns_topic_name"),
    });

    // recording_group is Optional+Computed: unknown in a plan when not written, and then AWS records
    // all supported types without the global ones.
    private static void Recorder(IResourceView r, IEstateBuilder estate) => estate.Add(new ConfigRecorder
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
        Name = r.String("name", "default").Map(s => s ?? "default"),
        AllSupported = r.IsWritten("recording_group") ? r.Bool("recording_group.all_supported", true) : Value.Default(true, r.Provenance),
        IncludeGlobalResourceTypes = r.IsWritten("recording_group")
            ? r.Bool("recording_group.include_global_resource_types", false)
            : Value.Default(false, r.Provenance),
        RoleArn = r.String("role_arn"),

        // AWS creates a recorder stopped; only a recorder status resource starts it.
        IsRecording = Value.Default(false, r.Provenance),
    });

    private static IReadOnlyList<string> Known(Value<IReadOnlyList<string>> values) =>
        values.IsKnown ? values.Get() : [UnknownElement];
}
