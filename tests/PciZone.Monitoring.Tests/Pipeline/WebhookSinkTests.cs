using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PciZone.Compliance;
using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Tests.Pipeline.TestSupport;

namespace PciZone.Monitoring.Tests.Pipeline;

public sealed class WebhookSinkTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Alert[] Alerts =
    [
        Alert("PCZ-MON-010:EXAMPLE-1"),
        Alert("PCZ-MON-010:EXAMPLE-2"),
        Alert("PCZ-MON-010:EXAMPLE-3"),
    ];

    [Fact]
    public async Task PublishAsync_ServerFailsTwiceThenAccepts_RetriesWithExponentialBackOff()
    {
        using var server = new LoopbackWebhook((503, null), (502, null));
        var time = new InstantTimeProvider(Start);
        using var http = new HttpClient();
        var sink = new WebhookSink(http, new WebhookSinkOptions { Endpoint = server.Url, BaseDelay = TimeSpan.FromSeconds(2) }, time, () => 0.0);

        await sink.PublishAsync(Alerts, TestContext.Current.CancellationToken);

        server.Requests.Count.ShouldBe(3);
        server.Requests.ShouldAllBe(r => r.Method == "POST");
        // Equal jitter with the random part at 0: half of 2 s, then half of 4 s.
        time.Delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]);
        using var body = JsonDocument.Parse(server.Requests.Last().Body);
        body.RootElement.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("key").GetString())
            .ShouldBe(Alerts.Select(a => a.Key));
    }

    [Fact]
    public async Task PublishAsync_JitterAtMaximum_DoublesUpToMaxDelay()
    {
        using var server = new LoopbackWebhook((500, null), (500, null), (500, null), (500, null));
        var time = new InstantTimeProvider(Start);
        using var http = new HttpClient();
        var options = new WebhookSinkOptions { Endpoint = server.Url, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5) };
        var sink = new WebhookSink(http, options, time, () => 1.0);

        await sink.PublishAsync(Alerts[..1], TestContext.Current.CancellationToken);

        time.Delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)]);
    }

    [Fact]
    public async Task PublishAsync_429WithRetryAfterSeconds_WaitsWhatTheServerAsked()
    {
        using var server = new LoopbackWebhook((429, "7"));
        var time = new InstantTimeProvider(Start);
        using var http = new HttpClient();
        var sink = new WebhookSink(http, new WebhookSinkOptions { Endpoint = server.Url }, time, () => 0.0);

        await sink.PublishAsync(Alerts[..1], TestContext.Current.CancellationToken);

        server.Requests.Count.ShouldBe(2);
        time.Delays.ShouldBe([TimeSpan.FromSeconds(7)]);
    }

    [Fact]
    public async Task PublishAsync_503WithRetryAfterDate_WaitsUntilThatDate()
    {
        var until = Start.AddSeconds(30).ToString("R", CultureInfo.InvariantCulture);
        using var server = new LoopbackWebhook((503, until));
        var time = new InstantTimeProvider(Start);
        using var http = new HttpClient();
        var sink = new WebhookSink(http, new WebhookSinkOptions { Endpoint = server.Url }, time, () => 0.0);

        await sink.PublishAsync(Alerts[..1], TestContext.Current.CancellationToken);

        time.Delays.ShouldBe([TimeSpan.FromSeconds(30)]);
    }

    [Fact]
    public async Task PublishAsync_ServerAlwaysFails_GivesUpAfterMaxAttemptsAndThrows()
    {
        using var server = new LoopbackWebhook(Enumerable.Repeat((500, (string?)null), 10).ToArray());
        using var http = new HttpClient();
        var sink = new WebhookSink(http, new WebhookSinkOptions { Endpoint = server.Url, MaxAttempts = 3 }, new InstantTimeProvider(Start), () => 0.5);

        var error = await Should.ThrowAsync<WebhookDeliveryException>(() => sink.PublishAsync(Alerts, TestContext.Current.CancellationToken));

        error.Attempts.ShouldBe(3);
        error.LastStatusCode.ShouldBe(500);
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task PublishAsync_ClientError_DoesNotRetry()
    {
        using var server = new LoopbackWebhook((400, null));
        using var http = new HttpClient();
        var sink = new WebhookSink(http, new WebhookSinkOptions { Endpoint = server.Url }, new InstantTimeProvider(Start));

        var error = await Should.ThrowAsync<WebhookDeliveryException>(() => sink.PublishAsync(Alerts, TestContext.Current.CancellationToken));

        error.Attempts.ShouldBe(1);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task PublishAsync_NothingListening_RetriesNetworkErrorsThenThrows()
    {
        var endpoint = new Uri($"http://127.0.0.1:{LoopbackWebhook.FreePort()}/hook/");
        var time = new InstantTimeProvider(Start);
        using var http = new HttpClient();
        var sink = new WebhookSink(http, new WebhookSinkOptions { Endpoint = endpoint, MaxAttempts = 4 }, time, () => 0.0);

        var error = await Should.ThrowAsync<WebhookDeliveryException>(() => sink.PublishAsync(Alerts, TestContext.Current.CancellationToken));

        error.Attempts.ShouldBe(4);
        error.LastStatusCode.ShouldBeNull();
        error.InnerException.ShouldBeOfType<HttpRequestException>();
        time.Delays.Count.ShouldBe(3);
    }

    [Fact]
    public async Task PublishAsync_WithSecret_SignsTheExactBodyWithHmacSha256()
    {
        using var server = new LoopbackWebhook();
        using var http = new HttpClient();
        var options = new WebhookSinkOptions { Endpoint = server.Url, SigningSecret = "test-secret-not-real" };
        var sink = new WebhookSink(http, options, new InstantTimeProvider(Start));

        await sink.PublishAsync(Alerts, TestContext.Current.CancellationToken);

        var request = server.Requests.Single();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("test-secret-not-real"), request.Body));
        request.Headers["X-PciZone-Signature"].ShouldBe(expected);
        request.Headers["Content-Type"].ShouldStartWith("application/json");
    }

    [Fact]
    public async Task PublishAsync_WithoutSecret_SendsNoSignature()
    {
        using var server = new LoopbackWebhook();
        using var http = new HttpClient();
        var sink = new WebhookSink(http, new WebhookSinkOptions { Endpoint = server.Url }, new InstantTimeProvider(Start));

        await sink.PublishAsync(Alerts, TestContext.Current.CancellationToken);

        server.Requests.Single().Headers.ContainsKey("X-PciZone-Signature").ShouldBeFalse();
    }

    [Fact]
    public async Task PublishAsync_MoreThanBatchSize_SplitsIntoRequests()
    {
        using var server = new LoopbackWebhook();
        using var http = new HttpClient();
        var sink = new WebhookSink(http, new WebhookSinkOptions { Endpoint = server.Url, MaxBatchSize = 2 }, new InstantTimeProvider(Start));

        await sink.PublishAsync(Alerts, TestContext.Current.CancellationToken);

        server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("alerts").GetArrayLength()).ShouldBe([2, 1]);
    }

    private static Alert Alert(string key) => new(
        key, "PCZ-MON-010", "Console login without MFA", Severity.High, ["8.4.2"], Start, key[12..], "ConsoleLogin",
        "signin.amazonaws.com", "111122223333", "us-east-1", "arn:aws:iam::111122223333:user/Alice", "198.51.100.4",
        "AWSLogs/x.json.gz", "Console login without MFA");
}
