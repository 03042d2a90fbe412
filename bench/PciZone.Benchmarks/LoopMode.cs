using System.Diagnostics;
using System.Runtime.CompilerServices;
using PciZone.Benchmarks.Synthetic;
using PciZone.Rules;

namespace PciZone.Benchmarks;

/// <summary>
/// <c>--loop N [RESOURCES]</c>: the EndToEnd scan N times in one process, as BenchmarkDotNet's
/// iterations do, printing each time and the phases of the last one: a steady-state profile target
/// (<c>perf record</c> over it sees tier-1 code, unlike <c>--breakdown</c>'s single cold pass).
/// </summary>
internal static class LoopMode
{
    public static int Run(int times, int resources)
    {
        var plan = SyntheticPlan.EnsureFile(resources);
        var engine = ScanPipeline.Engine();
        var allocations = Environment.GetEnvironmentVariable("PCIZONE_ALLOC_TRACE") == "1";
        using var trace = allocations || Environment.GetEnvironmentVariable("PCIZONE_GC_TRACE") == "1" ? new GcTrace(allocations) : null;
        for (var i = 0; i < times; i++)
        {
            // BenchmarkDotNet collects fully between iterations (its default GcForce); so does this loop,
            // outside the timing, so that one scan does not pay for the previous scan's garbage.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            trace?.PrintAllocations(0);
            Once(plan, engine, i + 1, hold: i == times - 1 && Environment.GetEnvironmentVariable("PCIZONE_HOLD") == "1");
            if (allocations)
            {
                trace!.PrintAllocations(30);
            }
        }

        return 0;
    }

    // A scan of its own frame: as in BenchmarkDotNet, nothing of the previous scan is still reachable
    // (from this method's locals) when the next iteration's full collection runs.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Once(string plan, RuleEngine engine, int number, bool hold)
    {
        var sw = Stopwatch.StartNew();
        var (g0, g1, g2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var a0 = GC.GetAllocatedBytesForCurrentThread();
        var load = ScanPipeline.Load(plan);
        var tLoad = sw.Elapsed;
        var a1 = GC.GetAllocatedBytesForCurrentThread();
        var findings = ScanPipeline.Evaluate(engine, load.Estate);
        var tRules = sw.Elapsed;
        var a2 = GC.GetAllocatedBytesForCurrentThread();
        var report = ScanPipeline.Report(load, engine, findings);
        ScanPipeline.WriteSarif(report, Stream.Null);
        var a3 = GC.GetAllocatedBytesForCurrentThread();
        Console.WriteLine($"{number,3}: {sw.Elapsed.TotalMilliseconds,8:N0} ms (load {tLoad.TotalMilliseconds:N0} ms {(a1 - a0) >> 20} MB, rules {(tRules - tLoad).TotalMilliseconds:N0} ms {(a2 - a1) >> 20} MB, report+sarif {(sw.Elapsed - tRules).TotalMilliseconds:N0} ms {(a3 - a2) >> 20} MB; "
                          + $"GC {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2} paused {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:N0} ms)");
        if (hold)
        {
            // The last scan's estate and findings stay reachable while a heap snapshot is taken.
            Console.WriteLine($"holding pid {Environment.ProcessId}");
            Thread.Sleep(TimeSpan.FromSeconds(60));
            GC.KeepAlive(report);
        }
    }
}
