namespace PciZone.Estate;

/// <summary>An RDS event notification subscription.</summary>
public sealed record RdsEventSubscription : Resource
{
    /// <summary>
    /// The source type events come from (<c>db-instance</c>, <c>db-cluster</c>, <c>db-parameter-group</c>,
    /// <c>db-security-group</c> ...); null means events of every source type.
    /// </summary>
    public Value<string?> Source { get; init; }

    /// <summary>Source identifiers the subscription is limited to; empty means every source of the type.</summary>
    public Value<IReadOnlyList<string>> SourceIds { get; init; }

    /// <summary>Event categories; empty means every category.</summary>
    public Value<IReadOnlyList<string>> EventCategories { get; init; }

    /// <summary>Subscription enabled (AWS default true).</summary>
    public Value<bool> Enabled { get; init; }
}
