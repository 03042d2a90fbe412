namespace PciZone.Monitoring.Alerts;

/// <summary>Where and how <see cref="WebhookSink"/> posts alerts.</summary>
public sealed record WebhookSinkOptions
{
    /// <summary>The URL that receives <c>POST</c> requests with a JSON body <c>{"alerts":[...]}</c>.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>Sink name in the store's delivery bookkeeping; distinct per endpoint when there are several.</summary>
    public string Name { get; init; } = "webhook";

    /// <summary>Attempts per batch, the first included, before the sink gives up and throws.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Delay before the second attempt; doubles each attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of any one delay, including one asked for by <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>At most this many alerts per request; larger batches are split.</summary>
    public int MaxBatchSize { get; init; } = 500;

    /// <summary>
    /// When set, each request carries <see cref="SignatureHeader"/>: <c>sha256=</c> and the lowercase hex
    /// HMAC-SHA256 of the exact body bytes under this secret (UTF-8), so the receiver can reject forgeries.
    /// </summary>
    public string? SigningSecret { get; init; }

    /// <summary>The header that carries the signature.</summary>
    public string SignatureHeader { get; init; } = "X-PciZone-Signature";
}

/// <summary>The webhook refused a batch, or did not answer, on every attempt; the alerts stay pending.</summary>
public sealed class WebhookDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebhookDeliveryException(string message, int attempts, int? lastStatusCode, Exception? inner)
        : base(message, inner)
    {
        Attempts = attempts;
        LastStatusCode = lastStatusCode;
    }

    /// <summary>Attempts made.</summary>
    public int Attempts { get; }

    /// <summary>HTTP status of the last answer; null when the last attempt got no answer.</summary>
    public int? LastStatusCode { get; }
}
