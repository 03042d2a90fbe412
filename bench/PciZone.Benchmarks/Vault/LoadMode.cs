using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace PciZone.Benchmarks.Vault;

/// <summary>
/// <c>--vault-load STORE SECONDS CONCURRENCY [single|batch|both]</c>: a fixed-duration closed-loop load on
/// the vault service (CONCURRENCY workers, each building its next body and sending its next request when the previous one answered),
/// with a per-request Stopwatch, printing requests/s, items/s and p50/p90/p99/max latency. A warm-up (not
/// counted) precedes each phase. In <c>both</c>, the batch phase keeps CONCURRENCY/16 batches in flight
/// (at least one); <c>health</c> measures GET /health/live, the HTTP stack alone. Client and server share this process and the machine's cores; the output says so.
/// </summary>
internal static class LoadMode
{
    public const string Usage = "usage: --vault-load sqlite|postgres SECONDS CONCURRENCY [single|batch|both|health]";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length is < 4 or > 5 || args[1] is not ("sqlite" or "postgres")
            || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var seconds) || seconds < 1
            || !int.TryParse(args[3], CultureInfo.InvariantCulture, out var concurrency) || concurrency < 1
            || (args.Length == 5 && args[4] is not ("single" or "batch" or "both" or "health")))
        {
            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var mode = args.Length == 5 ? args[4] : "both";
        var loadBefore = MachineSample.LoadAverage();
        await using var host = await ServiceHost.StartAsync(args[1]).ConfigureAwait(false);
        using var client = host.CreateClient();
        Console.WriteLine($"vault-load: client and service IN ONE PROCESS on loopback ({host.BaseAddress}), HTTP/1.1 keep-alive through a lean socket client (LeanHttpConnection), API key, {Environment.ProcessorCount} cores shared");
        Console.WriteLine($"  store: {host.Description}");
        Console.WriteLine($"  runtime: .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, concurrent GC {(AppContext.TryGetSwitch("System.GC.Concurrent", out var c) && c ? "on" : "off")}");
        Console.WriteLine($"  load average before start (1/5/15 min): {loadBefore}");
        var warmup = TimeSpan.FromSeconds(Math.Clamp(seconds / 3, 1, 3));
        if (mode is "single" or "both")
        {
            await PhaseAsync(host, "single", 1, concurrency, warmup, seconds,
                () => ServiceRequests.PostAsync(client, ServiceRequests.SinglePath, ServiceRequests.Single(), 1)).ConfigureAwait(false);
        }

        if (mode is "batch" or "both")
        {
            var inFlight = mode == "both" ? Math.Max(1, concurrency / 16) : concurrency;
            await PhaseAsync(host, "batch", ServiceRequests.BatchSize, inFlight, warmup, seconds,
                () => ServiceRequests.PostAsync(client, ServiceRequests.BatchPath, ServiceRequests.Batch(), ServiceRequests.BatchSize)).ConfigureAwait(false);
        }

        if (mode is "health")
        {
            // The same HTTP stack, authentication and rate limiter with no vault or store work: the ceiling
            // the client and Kestrel leave on this machine.
            await PhaseAsync(host, "health", 1, concurrency, warmup, seconds, () => ServiceRequests.GetAsync(client, "/health/live")).ConfigureAwait(false);
        }

        Console.WriteLine($"  load average at end (1/5/15 min): {MachineSample.LoadAverage()}");
        return 0;
    }

    private static async Task PhaseAsync(ServiceHost host, string name, int items, int inFlight, TimeSpan warmup, int seconds, Func<Task<int>> call)
    {
        var start = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = start + (long)seconds * Stopwatch.Frequency;
        var perWorker = new List<long>[inFlight];
        var failedItems = new int[inFlight];
        var before = default(MachineSample);
        var sampler = Task.Run(async () =>
        {
            // The CPU sample is taken when the measured window opens, not when the warm-up starts.
            await Task.Delay(warmup).ConfigureAwait(false);
            before = MachineSample.Take(host);
        });
        var workers = new Task[inFlight];
        for (var w = 0; w < inFlight; w++)
        {
            var me = w;
            perWorker[me] = new List<long>(1 << 14);
            workers[w] = Task.Run(async () =>
            {
                while (true)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    if (t0 >= end)
                    {
                        return;
                    }

                    var failed = await call().ConfigureAwait(false);
                    var t1 = Stopwatch.GetTimestamp();
                    // Only requests wholly inside the window count, so warm-up and tail do not skew either figure.
                    if (t0 >= start && t1 <= end)
                    {
                        perWorker[me].Add(t1 - t0);
                        failedItems[me] += failed;
                    }
                }
            });
        }

        await sampler.ConfigureAwait(false);
        var remaining = end - Stopwatch.GetTimestamp();
        if (remaining > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency)).ConfigureAwait(false);
        }

        var after = MachineSample.Take(host);
        await Task.WhenAll(workers).ConfigureAwait(false);
        var latencies = new LoadLatencies(perWorker);
        var requests = latencies.Count / (double)seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-6} {inFlight,3} in flight, {seconds} s (after {warmup.TotalSeconds:N0} s warm-up): {latencies.Count:N0} requests, {requests:N0} req/s, {requests * items:N0} items/s, failed items {failedItems.Sum():N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"         latency ms: p50 {latencies.Percentile(50):N2}  p90 {latencies.Percentile(90):N2}  p99 {latencies.Percentile(99):N2}  max {latencies.Max:N2}"));
        Console.WriteLine($"         {MachineSample.Describe(before, after, TimeSpan.FromSeconds(seconds))}");
        if (ServiceRequests.FirstFailure is { } failure)
        {
            Console.WriteLine($"         first refused request: {failure}");
        }
    }
}
