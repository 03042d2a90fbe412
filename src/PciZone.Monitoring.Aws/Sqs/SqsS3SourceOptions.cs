namespace PciZone.Monitoring.Aws;

/// <summary>How <see cref="SqsS3Source"/> reads its queue.</summary>
/// <param name="QueueUrl">The queue that receives the bucket's S3 event notifications (directly or through SNS).</param>
public sealed record SqsS3SourceOptions(string QueueUrl)
{
    /// <summary>Queue that receives dead letters (the original body plus the reason as a message attribute).</summary>
    public string? DeadLetterQueueUrl { get; init; }

    /// <summary>Folder that receives dead letters as JSON files when no <see cref="DeadLetterQueueUrl"/> is set.</summary>
    public string? DeadLetterFolder { get; init; }

    /// <summary>A failed message is dead-lettered once it has been received this many times.</summary>
    public int MaxReceives { get; init; } = 5;

    /// <summary>How long a received message stays hidden from other consumers (whole seconds, 1 s to 12 h).</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Long-poll wait of each receive (whole seconds, 0 to 20 s).</summary>
    public TimeSpan WaitTime { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Messages per receive (1 to 10).</summary>
    public int MaxMessages { get; init; } = 10;

    /// <summary>Keep polling forever; when false the source ends after the first receive that returns nothing.</summary>
    public bool Follow { get; init; }

    /// <summary>
    /// Part of <see cref="VisibilityTimeout"/> after which a message still in hand has its visibility extended
    /// (and again every such interval), so a slow object is not handed to a second consumer.
    /// </summary>
    public double HeartbeatFraction { get; init; } = 0.5;

    /// <summary>Delay before a failed message is visible again; doubled for each earlier receive, capped at 12 h.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(QueueUrl), nameof(QueueUrl), "is required");
        Require(DeadLetterQueueUrl is not null || DeadLetterFolder is not null,
            nameof(DeadLetterQueueUrl), "or DeadLetterFolder is required: poison messages need a dead-letter path");
        Require(MaxReceives >= 1, nameof(MaxReceives), "must be at least 1");
        Require(VisibilityTimeout >= TimeSpan.FromSeconds(1) && VisibilityTimeout <= TimeSpan.FromHours(12),
            nameof(VisibilityTimeout), "must be between 1 second and 12 hours");
        Require(WaitTime >= TimeSpan.Zero && WaitTime <= TimeSpan.FromSeconds(20), nameof(WaitTime), "must be between 0 and 20 seconds");
        Require(MaxMessages is >= 1 and <= 10, nameof(MaxMessages), "must be between 1 and 10");
        Require(HeartbeatFraction is > 0 and < 1, nameof(HeartbeatFraction), "must be between 0 and 1 (exclusive)");
        Require(RetryDelay >= TimeSpan.Zero, nameof(RetryDelay), "must not be negative");
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(name + " " + message, name);
        }
    }
}
