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

    /// <summary><c>--monitor-corpus DIR FILES</c>: writes the synthetic corpus as gzip log files for the CLI.</summary>
    public static int WriteCorpus(string dir, int files)
    {
        var corpus = CloudTrailCorpus.Files(files);
        for (var i = 0; i < corpus.Count; i++)
        {
            var key = $"AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/28/111122223333_CloudTrail_eu-west-1_20261128T{i / 60 % 24:00}{i % 60:00}Z_{i:000000}.json.gz";
            var path = Path.Combine(dir, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, corpus[i]);
        }

        Console.WriteLine($"{corpus.Count} files of 1,000 records in {dir}");
        return 0;
    }
}
