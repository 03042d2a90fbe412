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

    /// <summary>CloudTrail Insights types selected (<c>ApiCallRateInsight</c>, <c>ApiErrorRateInsight</c>); empty when none.</summary>
    public Value<IReadOnlyList<string>> InsightTypes { get; init; }

    /// <summary>SNS topic notified of each log file delivery; null when none.</summary>
    public Value<ResourceRef?> SnsTopic { get; init; }
}

/// <summary>A CloudTrail Lake event data store.</summary>
public sealed record TrailEventDataStore : Resource
{
    /// <summary>Event data store name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>KMS key that encrypts the events; null when CloudTrail's own key is used.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }

    /// <summary>Days the events are kept (AWS default 2557, seven years).</summary>
    public Value<int> RetentionDays { get; init; }
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

/// <summary>An AWS Config configuration aggregator.</summary>
public sealed record ConfigAggregator : Resource
{
    /// <summary>Aggregator name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>True when it aggregates the organisation (an organisation source), false for listed accounts.</summary>
    public Value<bool> OrganizationSource { get; init; }

    /// <summary>Aggregates every current and future region.</summary>
    public Value<bool> AllRegions { get; init; }

    /// <summary>The regions aggregated when <see cref="AllRegions"/> is false.</summary>
    public Value<IReadOnlyList<string>> Regions { get; init; }
}

/// <summary>An AWS Config conformance pack, for one account or (organisation pack) for the organisation.</summary>
public sealed record ConfigConformancePack : Resource
{
    /// <summary>Pack name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>An organisation conformance pack (deployed to every member account).</summary>
    public bool Organization { get; init; }

    /// <summary>S3 URI of the template; null when the template is inline.</summary>
    public Value<string?> TemplateUri { get; init; }

    /// <summary>The inline template; null when it comes from S3.</summary>
    public Value<string?> TemplateBody { get; init; }

    /// <summary>Member accounts an organisation pack leaves out; empty for an account pack.</summary>
    public Value<IReadOnlyList<string>> ExcludedAccounts { get; init; }
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
