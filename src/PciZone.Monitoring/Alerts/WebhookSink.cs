using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PciZone.Monitoring.Alerts;

/// <summary>
/// Posts alerts as JSON batches to a webhook. Network errors, timeouts, 408, 429 and 5xx are retried with
/// exponential back-off and jitter (honouring <c>Retry-After</c>, capped at
/// <see cref="WebhookSinkOptions.MaxDelay"/>); other 4xx answers are final. After
/// <see cref="WebhookSinkOptions.MaxAttempts"/> it throws <see cref="WebhookDeliveryException"/>, so the
/// pipeline leaves the alerts pending and offers them again later: delivery is at least once, and a
/// receiver should de-duplicate on the alert <c>key</c>. The per-attempt timeout is the
/// <see cref="HttpClient.Timeout"/> of the client given.
/// </summary>
public sealed class WebhookSink : IAlertSink
{
    private readonly HttpClient _http;
    private readonly WebhookSinkOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<double> _random;

    /// <summary>Creates the sink; delays go through <paramref name="time"/>.</summary>
    public WebhookSink(HttpClient http, WebhookSinkOptions options, TimeProvider time)
        : this(http, options, time, Random.Shared.NextDouble)
    {
    }

    internal WebhookSink(HttpClient http, WebhookSinkOptions options, TimeProvider time, Func<double> random)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1);
        _http = http;
        _options = options;
        _time = time;
        _random = random;
    }

    /// <inheritdoc />
    public string Name => _options.Name;

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        for (var start = 0; start < alerts.Count; start += _options.MaxBatchSize)
        {
            var count = Math.Min(_options.MaxBatchSize, alerts.Count - start);
            await PostAsync(Body(alerts, start, count), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The delay before attempt <paramref name="attempt"/> + 1: base·2^(attempt-1), halved to full by jitter.</summary>
    internal TimeSpan BackOff(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : Min(asked, _options.MaxDelay);
        }

        var exponential = _options.BaseDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Min(exponential, _options.MaxDelay);
        // "Equal jitter": at least half the delay, so retries stay spaced; the rest random, so many
        // monitors that failed together do not retry together.
        return capped * (0.5 + (_random() * 0.5));
    }

    private async Task PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        int? lastStatus = null;
        Exception? lastError = null;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            using var request = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            if (_options.SigningSecret is { } secret)
            {
                request.Headers.TryAddWithoutValidation(_options.SignatureHeader, Sign(body, secret));
            }

            try
            {
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                lastStatus = (int)response.StatusCode;
                lastError = null;
                if (!IsTransient(response.StatusCode))
                {
                    throw new WebhookDeliveryException(
                        $"The webhook {_options.Endpoint} refused the alerts with HTTP {lastStatus}; not retried.", attempt, lastStatus, null);
                }

                retryAfter = RetryAfter(response.Headers.RetryAfter);
            }
            catch (HttpRequestException error)
            {
                lastStatus = null;
                lastError = error;
            }
            catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient.Timeout: the endpoint did not answer in time.
                lastStatus = null;
                lastError = error;
            }

            if (attempt >= _options.MaxAttempts)
            {
                var what = lastStatus is { } s ? $"HTTP {s}" : $"no answer ({lastError?.Message})";
                throw new WebhookDeliveryException(
                    $"The webhook {_options.Endpoint} did not take the alerts after {attempt} attempts; last: {what}.",
                    attempt, lastStatus, lastError);
            }

            await Task.Delay(BackOff(attempt, retryAfter), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow(),
        _ => null,
    };

    private static byte[] Body(IReadOnlyList<Alert> alerts, int start, int count)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("alerts");
            for (var i = start; i < start + count; i++)
            {
                JsonLinesSink.WriteAlert(json, alerts[i]);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
