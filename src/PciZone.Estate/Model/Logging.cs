namespace PciZone.Estate;

/// <summary>A CloudTrail trail.</summary>
public sealed record Trail : Resource
{
    /// <summary>Trail name.</summary>
    public Value<string> Name { get; init; }

    /// <summary>Records events in every region.</summary>
    public Value<bool> IsMultiRegion { get; init; }

    /// <summary>Records global service events (IAM, STS ...).</summary>
    public Value<bool> IncludeGlobalServiceEvents { get; init; }

    /// <summary>An organisation trail.</summary>
    public Value<bool> IsOrganizationTrail { get; init; }

    /// <summary>Log file integrity validation.</summary>
    public Value<bool> LogFileValidation { get; init; }

    /// <summary>Logging switched on (<c>enable_logging</c>, <c>IsLogging</c>).</summary>
    public Value<bool> IsLogging { get; init; }

    /// <summary>KMS key for the log files; null when SSE-S3.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }

    /// <summary>Destination bucket.</summary>
    public Value<ResourceRef?> S3Bucket { get; init; }

    /// <summary>CloudWatch Logs group the trail delivers to; null when none.</summary>
    public Value<ResourceRef?> CloudWatchLogGroup { get; init; }

    /// <summary>Classic event selectors.</summary>
    public Value<IReadOnlyList<TrailEventSelector>> EventSelectors { get; init; }

    /// <summary>Advanced event selectors.</summary>
    public Value<IReadOnlyList<TrailAdvancedSelector>> AdvancedEventSelectors { get; init; }
}

/// <summary>A classic event selector.</summary>
/// <param name="ReadWriteType"><c>All</c>, <c>ReadOnly</c> or <c>WriteOnly</c>.</param>
public sealed record TrailEventSelector(
    Value<string> ReadWriteType,
    Value<bool> IncludeManagementEvents,
    IReadOnlyList<TrailDataResource> DataResources);

/// <summary>A data-event resource: type (<c>AWS::S3::Object</c>) and values (ARN prefixes).</summary>
public sealed record TrailDataResource(string Type, IReadOnlyList<string> Values);

/// <summary>An advanced event selector.</summary>
public sealed record TrailAdvancedSelector(string? Name, IReadOnlyList<TrailFieldSelector> FieldSelectors);

/// <summary>One field selector of an advanced selector.</summary>
public sealed record TrailFieldSelector(
    string Field,
    IReadOnlyList<string> EqualsTo,
    IReadOnlyList<string> StartsWith,
    IReadOnlyList<string> NotEquals,
    IReadOnlyList<string> NotStartsWith);

/// <summary>An AWS Config configuration recorder, joined with its recorder status.</summary>
public sealed record ConfigRecorder : Resource
{
    /// <summary>Recorder name.</summary>
    public Value<string> Name { get; init; }

    /// <summary>Records all supported resource types.</summary>
    public Value<bool> AllSupported { get; init; }

    /// <summary>Includes global resource types (IAM).</summary>
    public Value<bool> IncludeGlobalResourceTypes { get; init; }

    /// <summary>Service role.</summary>
    public Value<string?> RoleArn { get; init; }

    /// <summary>
    /// Recorder switched on (from <c>aws_config_configuration_recorder_status</c>). A Terraform recorder
    /// without a status resource defaults to false, because AWS creates recorders stopped; a
    /// CloudFormation recorder defaults to true, because CloudFormation starts the recorders it creates.
    /// </summary>
    public Value<bool> IsRecording { get; init; }
}

/// <summary>An AWS Config delivery channel.</summary>
public sealed record ConfigDeliveryChannel : Resource
{
    /// <summary>Destination bucket.</summary>
    public Value<ResourceRef?> S3Bucket { get; init; }

    /// <summary>Notification topic.</summary>
    public Value<ResourceRef?> SnsTopic { get; init; }

    /// <summary>Snapshot delivery frequency.</summary>
    public Value<string?> SnapshotFrequency { get; init; }
}

/// <summary>A CloudWatch Logs log group.</summary>
public sealed record LogGroup : Resource
{
    /// <summary>Log group name.</summary>
    public Value<string> Name { get; init; }

    /// <summary>Retention in days; 0 means never expire.</summary>
    public Value<int> RetentionDays { get; init; }

    /// <summary>KMS key; null when not set.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }
}
