using System.Collections.Concurrent;
using PciZone.Monitoring.Pipeline;

namespace PciZone.Monitoring.Aws;

/// <summary>
/// What an AWS source has seen so far. Safe to read while the source runs (several consumers may share
/// one instance only if they share the source).
/// </summary>
public sealed class AwsSourceCounters
{
    private long messages;
    private long objects;
    private long skippedKeys;
    private long testEvents;
    private long poisonMessages;
    private long retried;
    private long deadLettered;
    private long heartbeats;
    // Bounded: a follower runs for months and digests arrive hourly per account and region.
    private const int MaxProblems = 1000;
    private readonly ConcurrentQueue<InputProblem> problems = new();

    /// <summary>SQS messages received (each receive of a redelivered message counts again).</summary>
    public long Messages => Interlocked.Read(ref messages);

    /// <summary>Log objects handed to the pipeline.</summary>
    public long Objects => Interlocked.Read(ref objects);

    /// <summary>Keys skipped: digests, keys outside <c>AWSLogs/</c>, events other than ObjectCreated.</summary>
    public long SkippedKeys => Interlocked.Read(ref skippedKeys);

    /// <summary><c>s3:TestEvent</c> messages acknowledged and ignored.</summary>
    public long TestEvents => Interlocked.Read(ref testEvents);

    /// <summary>Messages that were not S3 event notifications.</summary>
    public long PoisonMessages => Interlocked.Read(ref poisonMessages);

    /// <summary>Failed deliveries given back to the queue for another try.</summary>
    public long Retried => Interlocked.Read(ref retried);

    /// <summary>Messages moved to the dead-letter queue or folder.</summary>
    public long DeadLettered => Interlocked.Read(ref deadLettered);

    /// <summary>Visibility extensions sent for messages still being processed.</summary>
    public long Heartbeats => Interlocked.Read(ref heartbeats);

    /// <summary>The latest (at most 1000) skipped keys, poison messages and dead-letters, each naming its key or message.</summary>
    public IReadOnlyList<InputProblem> Problems => problems.ToArray();

    internal void Message() => Interlocked.Increment(ref messages);

    internal void Object() => Interlocked.Increment(ref objects);

    internal void TestEvent() => Interlocked.Increment(ref testEvents);

    internal void Retry() => Interlocked.Increment(ref retried);

    internal void Heartbeat() => Interlocked.Increment(ref heartbeats);

    internal void Skipped(string key, string position, string reason)
    {
        Interlocked.Increment(ref skippedKeys);
        Add(new InputProblem(key, position, "skipped: " + reason));
    }

    internal void Poison(string messageKey, string reason)
    {
        Interlocked.Increment(ref poisonMessages);
        Add(new InputProblem(messageKey, "message body", "poison message: " + reason));
    }

    internal void DeadLetter(string messageKey, string reason)
    {
        Interlocked.Increment(ref deadLettered);
        Add(new InputProblem(messageKey, "message", "dead-lettered: " + reason));
    }

    internal void LostOwnership(string messageKey, string errorCode) =>
        Add(new InputProblem(messageKey, "message", "completed after another consumer received it again (" + errorCode + ")"));

    internal void SettleFailed(string messageKey, string error) =>
        Add(new InputProblem(messageKey, "message", "could not acknowledge or dead-letter, will come back: " + error));

    private void Add(InputProblem problem)
    {
        problems.Enqueue(problem);
        while (problems.Count > MaxProblems && problems.TryDequeue(out _))
        {
        }
    }
}
