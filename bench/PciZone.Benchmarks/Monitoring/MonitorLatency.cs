using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using PciZone.Monitoring.Alerts;
using PciZone.Monitoring.Detection;
using PciZone.Monitoring.Pipeline;
using PciZone.Monitoring.Rules;
using PciZone.Monitoring.Store;

namespace PciZone.Benchmarks.Monitoring;

/// <summary>
/// From a log file's arrival in a followed folder to its alert at a sink, through the whole pipeline as
/// <c>pcizone monitor run --from DIR --follow</c> runs it: folder poll, gzip, rules, the SQLite commit,
/// publication. A file is renamed into place, as a sync tool that writes a temporary file does.
/// </summary>
[Config(typeof(LatencyConfig))]
public class MonitorLatency
{
    private readonly SignalSink _sink = new();
    private readonly CancellationTokenSource _stop = new();
    private string _dir = "";
    private Task _running = Task.CompletedTask;
    private int _n;

    /// <summary>The folder source's poll interval.</summary>
    [Params(1000)]
    public int PollMs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("pcizone-latency-").FullName;
        var rules = MonitorRules.Load(true, []);
        var state = SqliteMonitorState.Open(Path.Combine(_dir, "monitor.db"));
        var logs = Directory.CreateDirectory(Path.Combine(_dir, "logs")).FullName;
        var source = new FolderSource(logs, new FolderSourceOptions { Follow = true, PollInterval = TimeSpan.FromMilliseconds(PollMs) });
        var runner = new MonitorRunner(source, MonitorDetector.Create(rules), state, [_sink]);
        _running = Task.Run(() => runner.RunAsync(_stop.Token));
    }

    [Benchmark]
    public async Task<int> FileToAlert()
    {
        var id = $"6d3c1f8e-0000-4000-8000-{Interlocked.Increment(ref _n):000000000000}";
        var waiter = _sink.Expect(id);
        var key = $"AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/28/111122223333_CloudTrail_us-east-1_20261128T0000Z_{id}.json.gz";
        var path = Path.Combine(_dir, "logs", key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(_dir, id + ".tmp");
        await File.WriteAllBytesAsync(temp, RootLogin(id)).ConfigureAwait(false);
        File.Move(temp, path);
        return await waiter.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        try
        {
            _running.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // Cancellation ends the follower; nothing else is expected here.
        }

        Directory.Delete(_dir, recursive: true);
    }

    private static byte[] RootLogin(string eventId)
    {
        var json = "{\"Records\":[{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"Root\",\"principalId\":\"111122223333\","
                   + "\"arn\":\"arn:aws:iam::111122223333:root\",\"accountId\":\"111122223333\"},\"eventTime\":\"2026-11-28T08:15:00Z\","
                   + "\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\","
                   + "\"sourceIPAddress\":\"203.0.113.10\",\"responseElements\":{\"ConsoleLogin\":\"Success\"},"
                   + "\"additionalEventData\":{\"MFAUsed\":\"No\"},\"eventID\":\"" + eventId + "\",\"eventType\":\"AwsConsoleSignIn\","
                   + "\"recipientAccountId\":\"111122223333\"}]}";
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return buffer.ToArray();
    }

    /// <summary>Completes a waiter when an alert about its event id is published.</summary>
    private sealed class SignalSink : IAlertSink
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource<int>> _waiting = new(StringComparer.Ordinal);

        public string Name => "latency";

        public Task<int> Expect(string eventId) =>
            _waiting.GetOrAdd(eventId, _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public Task PublishAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
        {
            foreach (var group in alerts.Where(a => a.EventId is not null).GroupBy(a => a.EventId!, StringComparer.Ordinal))
            {
                _waiting.GetOrAdd(group.Key, _ => new TaskCompletionSource<int>()).TrySetResult(group.Count());
            }

            return Task.CompletedTask;
        }
    }
}

/// <summary>Two warm-ups and eight files: each operation waits for a poll, so the figure is the latency itself.</summary>
public sealed class LatencyConfig() : BenchConfig("Latency", 2, 8, null);
