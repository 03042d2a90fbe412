namespace PciZone.Monitoring.Pipeline;

/// <summary>
/// One CloudTrail log object as delivered: a file in a folder or an object in S3.
/// <see cref="Key"/> is stable across restarts (relative path, or <c>bucket/key</c>).
/// </summary>
/// <param name="Key">Stable identity, used for checkpoints.</param>
/// <param name="Open">Opens the raw (usually gzip) content.</param>
public sealed record LogObject(string Key, Func<CancellationToken, Task<Stream>> Open);

/// <summary>
/// A unit of delivery from a source: one file, or one SQS message that names one or more objects.
/// The pipeline calls <see cref="CompleteAsync"/> after every object is durable in the state store, and
/// <see cref="FailAsync"/> when it could not be processed (the source decides retry or dead-letter).
/// </summary>
public interface ILogDelivery
{
    /// <summary>The objects this delivery names (possibly none, e.g. an S3 test event).</summary>
    IReadOnlyList<LogObject> Objects { get; }

    /// <summary>Acknowledges the delivery (deletes the SQS message; nothing for a folder).</summary>
    Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>Gives the delivery back; after N tries the source moves it to its dead-letter path.</summary>
    Task FailAsync(string reason, CancellationToken cancellationToken);
}

/// <summary>A source of CloudTrail log objects: a folder (one pass or follow) or S3 through SQS.</summary>
public interface ILogSource
{
    /// <summary>Yields deliveries until the source is exhausted (one pass) or cancellation (follow).</summary>
    IAsyncEnumerable<ILogDelivery> ReadAsync(CancellationToken cancellationToken);
}
