namespace PciZone.Estate;

/// <summary>An AWS Audit Manager assessment.</summary>
public sealed record AuditManagerAssessment : Resource
{
    /// <summary>Assessment name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>The framework the assessment is based on.</summary>
    public Value<ResourceRef?> Framework { get; init; }

    /// <summary>Destination of assessment reports: an S3 URI (<c>s3://bucket/prefix</c>) or bucket reference; null when none.</summary>
    public Value<ResourceRef?> ReportsDestination { get; init; }
}
