namespace PciZone.Estate;

/// <summary>An Amazon EventBridge rule joined with its targets.</summary>
public sealed record EventRule : Resource
{
    /// <summary>Rule name.</summary>
    public Value<string?> Name { get; init; }

    /// <summary>The event pattern as JSON text; null for a scheduled rule.</summary>
    public Value<string?> EventPattern { get; init; }

    /// <summary>The rule matches events (state <c>ENABLED</c>, AWS's default).</summary>
    public Value<bool> Enabled { get; init; }

    /// <summary>The targets the rule sends matched events to (SNS topics, queues, functions ...).</summary>
    public IReadOnlyList<Value<ResourceRef?>> Targets { get; init; } = [];
}
