namespace PciZone.Compliance;

/// <summary>The result of one rule on one resource, with everything a report needs.</summary>
public sealed record Finding
{
    /// <summary>The rule.</summary>
    public required RuleDescriptor Rule { get; init; }

    /// <summary>Pass, fail, unknown or suppressed.</summary>
    public required FindingStatus Status { get; init; }

    /// <summary>PCI DSS requirement ids the rule maps to, in requirement order.</summary>
    public required IReadOnlyList<string> Requirements { get; init; }

    /// <summary>Resource address (plan address or logical id).</summary>
    public required string ResourceAddress { get; init; }

    /// <summary>The input's type name (<c>aws_s3_bucket</c>).</summary>
    public required string ResourceType { get; init; }

    /// <summary>File the finding points to.</summary>
    public required string File { get; init; }

    /// <summary>1-based line, 0 when unknown.</summary>
    public required int Line { get; init; }

    /// <summary>What passed or failed, in one sentence.</summary>
    public required string Message { get; init; }

    /// <summary>Reason of the suppression when <see cref="Status"/> is Suppressed.</summary>
    public string? SuppressionReason { get; init; }

    /// <summary>True when the suppression is written in the source next to the resource (SARIF kind inSource).</summary>
    public bool SuppressedInSource { get; init; }

    /// <summary>Convenience: the rule id.</summary>
    public string RuleId => Rule.Id;

    /// <summary>Convenience: the rule severity.</summary>
    public Severity Severity => Rule.Severity;
}
