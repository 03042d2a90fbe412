using System.Globalization;

namespace PciZone.Monitoring.Aws.Tests.Loopback;

/// <summary>A message on a <see cref="FakeQueue"/>, with what SQS tracks about it.</summary>
internal sealed class QueuedMessage(string id, string body, IReadOnlyDictionary<string, (string Type, string Value)> attributes, DateTimeOffset sent)
{
    public string Id { get; } = id;

    public string Body { get; } = body;

    public IReadOnlyDictionary<string, (string Type, string Value)> Attributes { get; } = attributes;

    public DateTimeOffset Sent { get; } = sent;

    public int ReceiveCount { get; set; }

    public DateTimeOffset VisibleAt { get; set; } = sent;

    public DateTimeOffset? FirstReceived { get; set; }

    public string? ReceiptHandle { get; set; }
}

/// <summary>
/// An in-memory SQS standard queue: receipt handles (only the latest one of a message is valid), visibility
/// timeouts, receive counts and long polling, so competing-consumer and dead-letter behaviour are real.
/// </summary>
internal sealed class FakeQueue(string name, string url, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly List<QueuedMessage> messages = [];
    private readonly List<string> deleted = [];

    public string Name { get; } = name;

    public string Url { get; } = url;

    /// <summary>Ids of deleted messages, in order, one entry per successful DeleteMessage.</summary>
    public IReadOnlyList<string> Deleted
    {
        get
        {
            lock (gate)
            {
                return deleted.ToArray();
            }
        }
    }

    /// <summary>Every message still on the queue (visible or in flight).</summary>
    public IReadOnlyList<QueuedMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return messages.ToArray();
            }
        }
    }

    public string Send(string body, IReadOnlyDictionary<string, (string Type, string Value)>? attributes = null)
    {
        var message = new QueuedMessage(
            Guid.NewGuid().ToString(), body, attributes ?? new Dictionary<string, (string, string)>(), time.GetUtcNow());
        lock (gate)
        {
            messages.Add(message);
        }

        return message.Id;
    }

    /// <summary>Long poll: returns as soon as a message is visible or when the wait ends.</summary>
    public async Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int max, int visibilitySeconds, int waitSeconds, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow().AddSeconds(waitSeconds);
        while (true)
        {
            var received = TryReceive(max, visibilitySeconds);
            if (received.Count > 0 || time.GetUtcNow() >= deadline)
            {
                return received;
            }

            await Task.Delay(25, cancellationToken);
        }
    }

    private List<QueuedMessage> TryReceive(int max, int visibilitySeconds)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var received = messages.Where(m => m.VisibleAt <= now).Take(max).ToList();
            foreach (var message in received)
            {
                message.ReceiveCount++;
                message.FirstReceived ??= now;
                message.VisibleAt = now.AddSeconds(visibilitySeconds);
                message.ReceiptHandle = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + "#" + message.Id;
            }

            return received;
        }
    }

    /// <summary>Ends the message's visibility timeout now, as if its consumer had stalled past it.</summary>
    public void Expire(string id)
    {
        lock (gate)
        {
            messages.Single(m => m.Id == id).VisibleAt = time.GetUtcNow();
        }
    }

    /// <summary>Null on success, otherwise the SQS error code.</summary>
    public string? Delete(string receiptHandle)
    {
        lock (gate)
        {
            var message = messages.Find(m => m.ReceiptHandle == receiptHandle);
            if (message is null)
            {
                return "ReceiptHandleIsInvalid";
            }

            messages.Remove(message);
            deleted.Add(message.Id);
            return null;
        }
    }

    /// <summary>Null on success, otherwise the SQS error code (as SQS: only for a message in flight).</summary>
    public string? ChangeVisibility(string receiptHandle, int seconds)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var message = messages.Find(m => m.ReceiptHandle == receiptHandle);
            if (message is null)
            {
                return "ReceiptHandleIsInvalid";
            }

            if (message.VisibleAt <= now)
            {
                return "MessageNotInflight";
            }

            message.VisibleAt = now.AddSeconds(seconds);
            return null;
        }
    }

    public static string Epoch(DateTimeOffset value) => value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
