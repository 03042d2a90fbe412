namespace PciZone.Estate;

/// <summary>A GuardDuty detector with its features.</summary>
public sealed record GuardDutyDetector : Resource
{
    /// <summary>Detector enabled.</summary>
    public Value<bool> Enabled { get; init; }

    /// <summary>Finding publishing frequency.</summary>
    public Value<string?> FindingPublishingFrequency { get; init; }

    /// <summary>Features by name (<c>S3_DATA_EVENTS</c>, <c>EKS_AUDIT_LOGS</c>, <c>EBS_MALWARE_PROTECTION</c> ...) and whether enabled.</summary>
    public IReadOnlyDictionary<string, Value<bool>> Features { get; init; } = new Dictionary<string, Value<bool>>();

    /// <summary>Where the detector exports its findings (<c>aws_guardduty_publishing_destination</c>).</summary>
    public IReadOnlyList<GuardDutyPublishingDestination> PublishingDestinations { get; init; } = [];
}

/// <summary>A GuardDuty findings export.</summary>
/// <param name="DestinationType"><c>S3</c> (the only type AWS offers).</param>
/// <param name="Destination">The bucket, by ARN (with an optional prefix) or estate address.</param>
/// <param name="KmsKey">The KMS key GuardDuty encrypts the exported findings with.</param>
/// <param name="Source">Where the destination is declared.</param>
public sealed record GuardDutyPublishingDestination(
    Value<string?> DestinationType,
    Value<ResourceRef?> Destination,
    Value<ResourceRef?> KmsKey,
    Provenance Source);

/// <summary>Security Hub's organisation configuration, set by the delegated administrator.</summary>
public sealed record SecurityHubOrganizationConfiguration : Resource
{
    /// <summary>New member accounts get Security Hub automatically (LOCAL configuration).</summary>
    public Value<bool> AutoEnable { get; init; }

    /// <summary><c>CENTRAL</c> (configuration policies) or <c>LOCAL</c> (AWS default).</summary>
    public Value<string?> ConfigurationType { get; init; }
}

/// <summary>A Security Hub finding aggregator: findings of linked regions copied into this region.</summary>
public sealed record SecurityHubFindingAggregator : Resource
{
    /// <summary><c>ALL_REGIONS</c>, <c>ALL_REGIONS_EXCEPT_SPECIFIED</c>, <c>SPECIFIED_REGIONS</c> or <c>NO_REGIONS</c>.</summary>
    public Value<string?> LinkingMode { get; init; }

    /// <summary>The regions the linking mode names (left out, or linked).</summary>
    public Value<IReadOnlyList<string>> Regions { get; init; }
}

/// <summary>An IAM Access Analyzer analyzer.</summary>
public sealed record AccessAnalyzer : Resource
{
    /// <summary>Analyzer name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary><c>ACCOUNT</c> (AWS default), <c>ORGANIZATION</c>, or an unused-access type.</summary>
    public Value<string?> AnalyzerType { get; init; }
}

/// <summary>Security Hub enabled in an account, joined with the standards subscribed in the same estate.</summary>
public sealed record SecurityHubAccount : Resource
{
    /// <summary>Default standards enabled with the hub.</summary>
    public Value<bool> EnableDefaultStandards { get; init; }

    /// <summary>Subscribed standards ARNs (from <c>aws_securityhub_standards_subscription</c>, <c>EnabledStandards</c>).</summary>
    public IReadOnlyList<Value<string>> Standards { get; init; } = [];
}
