using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PciZone.Cli.Tests.Support;

namespace PciZone.Cli.Tests.VaultCmd;

/// <summary>
/// One SIGKILL scenario shared by the tests that judge it: a real <c>vault serve</c> process takes a stream of
/// tokenisations from concurrent loops, is killed with SIGKILL mid-stream, and is restarted on the same data
/// folder. Records every (PAN, token) whose 200 response arrived in full before the kill.
/// </summary>
public sealed class SigkillRun : IAsyncLifetime
{
    private const int Loops = 8;
    private const int MinimumAcknowledged = 300;
    private static readonly TimeSpan StreamFor = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan StreamAtMost = TimeSpan.FromSeconds(8);

    private readonly TempDir _dir = new();
    private readonly ConcurrentQueue<(string Pan, string Token, bool Created)> _acknowledged = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private VaultProcess? _first;
    private long _counter;
    private int _inflight;

    public string Data => _dir.Path;

    public IReadOnlyList<(string Pan, string Token, bool Created)> Acknowledged => [.. _acknowledged];

    /// <summary>Requests sent and not yet answered when the kill was sent (their answers may still have been on the wire).</summary>
    public int InFlightAtKill { get; private set; }

    public static int LoopCount => Loops;

    /// <summary>Requests of the stream that failed (in flight at the kill, or refused after it), with why.</summary>
    public IReadOnlyList<string> Failures => [.. _failures];

    /// <summary>Every PAN the stream sent, acknowledged or not.</summary>
    public IReadOnlyList<string> SentPans => [.. Enumerable.Range(0, (int)Interlocked.Read(ref _counter)).Select(n => CardNumbers.Sequential(n))];

    /// <summary>stdout and stderr of the killed process, from start to SIGKILL.</summary>
    internal string FirstRunOutput { get; private set; } = "";

    /// <summary>The restarted service on the same data folder.</summary>
    internal VaultProcess Restarted { get; private set; } = null!;

    internal HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    internal string TokenizeKey { get; private set; } = "";

    internal string DetokenizeKey { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _first = await VaultProcess.StartAsync(Data, ct);
        var keys = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Data, "dev-api-keys.json"), ct))!.AsArray();
        TokenizeKey = KeyFor(keys, "tokenize");
        DetokenizeKey = KeyFor(keys, "detokenize");
        await SendBadInputAsync(_first.BaseAddress, ct);

        using var stop = new CancellationTokenSource();
        var loops = Enumerable.Range(0, Loops).Select(_ => Task.Run(() => StreamAsync(_first.BaseAddress, stop.Token), ct)).ToArray();
        var watch = Stopwatch.StartNew();
        // Enough acknowledged tokens to mean something even on a slow machine, without letting a stalled server hang the test.
        while ((watch.Elapsed < StreamFor || _acknowledged.Count < MinimumAcknowledged) && watch.Elapsed < StreamAtMost && !loops.All(l => l.IsCompleted))
        {
            await Task.Delay(50, ct);
        }

        InFlightAtKill = Volatile.Read(ref _inflight);
        _first.Kill();
        FirstRunOutput = _first.Output;
        // No stop signal: each loop carries on until its request fails against the dead process. The token only
        // bounds a loop that, against all expectation, keeps getting answers.
        stop.CancelAfter(TimeSpan.FromSeconds(20));
        await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(30), ct);

        Restarted = await VaultProcess.StartAsync(Data, ct);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, string json, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Restarted.BaseAddress, path))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", apiKey);
        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        _first?.Dispose();
        Restarted?.Dispose();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string KeyFor(JsonArray keys, string role) =>
        keys.Single(k => k!["roles"]!.AsArray().Any(r => r!.GetValue<string>() == role))!["key"]!.GetValue<string>();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task StreamAsync(Uri server, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var pan = CardNumbers.Sequential(Interlocked.Increment(ref _counter) - 1);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "v1/tokenize")) { Content = Json($$"""{"pan":"{{pan}}"}""") };
                request.Headers.Add("X-Api-Key", TokenizeKey);
                Interlocked.Increment(ref _inflight);
                using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                Interlocked.Decrement(ref _inflight);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    _failures.Enqueue($"HTTP {(int)response.StatusCode}");
                    continue;
                }

                var json = JsonNode.Parse(body)!;
                _acknowledged.Enqueue((pan, json["token"]!.GetValue<string>(), json["created"]!.GetValue<bool>()));
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or JsonException)
            {
                // The kill: this request was in flight or the port is gone. Its PAN was never acknowledged.
                _failures.Enqueue(e.GetType().Name);
                return;
            }
        }

        _failures.Enqueue("stopped before the kill reached it");
    }

    /// <summary>Refused requests that carry test card numbers: whatever the service does with them must not reach its logs.</summary>
    private async Task SendBadInputAsync(Uri server, CancellationToken ct)
    {
        (string Path, string Body, string? Key)[] calls =
        [
            ("v1/tokenize", """{"pan":"4111111111111112"}""", TokenizeKey),
            ("v1/tokenize", """{"pan":4111111111111111}""", TokenizeKey),
            ("v1/tokenize", """{"pan":"5555555555554444",}""", TokenizeKey),
            ("v1/tokenize", """{"pan":"378282246310005"}""", "not-a-key"),
            ("v1/detokenize", """{"token":"6011111111111117"}""", DetokenizeKey),
            ("v1/detokenize", """{"token":"4000056655665556"}""", TokenizeKey),
        ];
        foreach (var (path, body, key) in calls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path)) { Content = Json(body) };
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            using var response = await Client.SendAsync(request, ct);
            ((int)response.StatusCode).ShouldBeInRange(400, 404, $"{path} {body[..Math.Min(8, body.Length)]}... should be refused");
        }
    }
}
