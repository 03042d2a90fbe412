using System.Diagnostics;

namespace PciZone.Benchmarks.Monitoring;

/// <summary>
/// <c>--monitor-loop N</c>: the MonitorThroughput workload N times in one process, printing each pass: a
/// steady-state target for <c>perf record</c>, with the same reset before each pass as the benchmark.
/// </summary>
internal static class MonitorLoop
{
    public static int Run(int times)
    {
        var bench = new MonitorThroughput { Events = 20_000 };
        bench.Setup();
        var (gzip, json) = bench.CorpusBytes();
        Console.WriteLine($"{bench.Rules} rules; corpus {bench.Events:N0} records, {gzip:N0} bytes gzip, {json:N0} bytes JSON ({json / bench.Events:N0} bytes per record)");
        for (var i = 0; i < times; i++)
        {
            bench.Reset();
            var a0 = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            var records = bench.ProcessFiles();
            sw.Stop();
            Console.WriteLine($"{i + 1,3}: {sw.Elapsed.TotalMilliseconds,7:N1} ms, {records / sw.Elapsed.TotalSeconds,9:N0} events/s, {(GC.GetAllocatedBytesForCurrentThread() - a0) >> 10} KB, {bench.AlertCount} alerts");
        }

        return 0;
    }
}
