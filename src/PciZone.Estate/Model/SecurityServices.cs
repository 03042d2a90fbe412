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
}

/// <summary>Security Hub enabled in an account, joined with the standards subscribed in the same estate.</summary>
public sealed record SecurityHubAccount : Resource
{
    /// <summary>Default standards enabled with the hub.</summary>
    public Value<bool> EnableDefaultStandards { get; init; }

    /// <summary>Subscribed standards ARNs (from <c>aws_securityhub_standards_subscription</c>, <c>EnabledStandards</c>).</summary>
    public IReadOnlyList<Value<string>> Standards { get; init; } = [];
}
