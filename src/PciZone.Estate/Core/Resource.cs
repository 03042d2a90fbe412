namespace PciZone.Estate;

/// <summary>Base of every typed resource in the estate.</summary>
public abstract record Resource
{
    /// <summary>Stable address: the Terraform plan address or the CloudFormation logical id.</summary>
    public required string Address { get; init; }

    /// <summary>The input's own type name (<c>aws_s3_bucket</c>, <c>AWS::S3::Bucket</c>).</summary>
    public required string SourceType { get; init; }

    /// <summary>Where the resource was declared.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>Tags as written; unknown tag values are left out.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = EmptyTags;

    /// <summary>Addresses of the companion resources that the reader joined into this one.</summary>
    public IReadOnlyList<string> JoinedFrom { get; init; } = [];

    /// <summary>Suppressions written on the resource in its source code (empty for most).</summary>
    public IReadOnlyList<InlineSuppression> InlineSuppressions { get; init; } = [];

    /// <summary>The estate type name used by rule metadata (<c>S3Bucket</c>).</summary>
    public string EstateType => GetType().Name;

    private static readonly IReadOnlyDictionary<string, string> EmptyTags = new Dictionary<string, string>();
}
