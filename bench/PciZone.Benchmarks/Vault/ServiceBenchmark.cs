using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PciZone.Benchmarks.Vault;

/// <summary>
/// Tokenisation through the vault's REST service on loopback, client and server in this one process (they
/// share the machine's two cores), on SQLite or a throw-away PostgreSQL: <c>Tokenize</c> keeps 64 single
/// POST /v1/tokenize requests in flight, <c>TokenizeBatch</c> keeps 4 batches of 1,000 in flight. Every PAN
/// is new, so each item is a real insert and audit append. Mean is per item (OperationsPerInvoke); the
/// Items/s column is its inverse. Latency percentiles per request come from <c>--vault-load</c>, since
/// BenchmarkDotNet times whole invocations.
/// </summary>
[Config(typeof(ServiceConfig))]
public class VaultService
{
    private const int SingleRequests = 8_192;
    private const int SingleInFlight = 64;
    private const int Batches = 48;
    private const int BatchesInFlight = 4;

    private ServiceHost _host = null!;
    private LeanHttpClient _client = null!;

    [Params("sqlite", "postgres")]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _host = ServiceHost.StartAsync(Store).GetAwaiter().GetResult();
        _client = _host.CreateClient();
        // Pre-warm: open the connections, JIT the whole path, fill the connection pools of the store.
        for (var i = 0; i < 3; i++)
        {
            Tokenize().GetAwaiter().GetResult();
        }

        TokenizeBatch().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = SingleRequests, Description = "Tokenize (64 in flight)")]
    public Task<int> Tokenize() =>
        RunAsync(SingleRequests, SingleInFlight, () => ServiceRequests.PostAsync(_client, ServiceRequests.SinglePath, ServiceRequests.Single(), 1));

    [Benchmark(OperationsPerInvoke = Batches * ServiceRequests.BatchSize, Description = "TokenizeBatch (1,000 x 4 in flight)")]
    public Task<int> TokenizeBatch() =>
        RunAsync(Batches, BatchesInFlight, () => ServiceRequests.PostAsync(_client, ServiceRequests.BatchPath, ServiceRequests.Batch(), ServiceRequests.BatchSize));

    /// <summary><paramref name="total"/> calls, <paramref name="inFlight"/> at a time; throws if any item failed, so a broken service cannot look fast.</summary>
    private static async Task<int> RunAsync(int total, int inFlight, Func<Task<int>> call)
    {
        var left = total;
        var failed = 0;
        var workers = new Task[inFlight];
        for (var w = 0; w < inFlight; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref left) >= 0)
                {
                    Interlocked.Add(ref failed, await call().ConfigureAwait(false));
                }
            });
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        return failed == 0 ? total : throw new InvalidOperationException($"{failed} of the items failed");
    }
}

/// <summary>
/// One launch, 2 warm-ups, 8 measured invocations, run in this process: the service, its client and the
/// store all live here anyway, and an out-of-process run would only add a build of the generated project
/// on the shared 2-core machine. The runtime settings (workstation non-concurrent GC, dynamic PGO off) come
/// from this project's own runtimeconfig, as BenchConfig states them for its child processes.
/// </summary>
public sealed class ServiceConfig : ManualConfig
{
    public ServiceConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(8)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: true))
            .WithId("VaultService"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new PerSecondColumn(null, "Items/s", "Tokenised PANs per second, client and server in one process on loopback (1 s / Mean per item)"));
    }
}

