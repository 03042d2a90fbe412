namespace PciZone.Compliance;

/// <summary>A rule's metadata, read from its <c>rule.yaml</c>.</summary>
public sealed record RuleDescriptor
{
    /// <summary>Stable opaque id (<c>PCZ-S3-001</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Slug that states the secure state (<c>s3-bucket-encrypted-at-rest</c>); also the rule folder name.</summary>
    public required string Slug { get; init; }

    /// <summary>Title, stating the secure state.</summary>
    public required string Title { get; init; }

    /// <summary>Severity of a failure.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Maturity.</summary>
    public required RuleStatus Status { get; init; }

    /// <summary>AWS service (<c>S3</c>, <c>CloudTrail</c>, <c>VPC</c> ...).</summary>
    public required string Service { get; init; }

    /// <summary>Estate types the rule reads (<c>S3Bucket</c>).</summary>
    public required IReadOnlyList<string> EstateTypes { get; init; }

    /// <summary>Input formats with fixtures: <c>terraform</c>, <c>cloudformation</c>.</summary>
    public required IReadOnlyList<string> Formats { get; init; }

    /// <summary>What the rule checks.</summary>
    public required string Description { get; init; }

    /// <summary>Why it matters.</summary>
    public required string Risk { get; init; }

    /// <summary>How to fix, in words.</summary>
    public required string Remediation { get; init; }

    /// <summary>Terraform remediation snippet.</summary>
    public required string RemediationTerraform { get; init; }

    /// <summary>CloudFormation remediation snippet.</summary>
    public required string RemediationCloudFormation { get; init; }

    /// <summary>Reference URLs.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Ids of rows in the AWS PCI checks catalogue that this rule implements.</summary>
    public IReadOnlyList<string> CatalogueIds { get; init; } = [];

    /// <summary>Link to the rule's documentation page.</summary>
    public string HelpUri => $"https://pcizone.dev/docs/rules/{Id}";
}
