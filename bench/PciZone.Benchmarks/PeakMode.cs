using System.Diagnostics;
using PciZone.Benchmarks.Synthetic;

namespace PciZone.Benchmarks;

/// <summary>
/// One end-to-end scan in a process that does nothing else, reporting the process's peak working set
/// and the GC's view of the heap. The plan is generated first if needed, in a separate process, so
/// that the generator's own allocations never count towards the scan's peak.
/// </summary>
internal static class PeakMode
{
    public static int Run(int resources, string[] args)
    {
        var plan = Path.Combine(Path.GetTempPath(), "pcizone-bench", $"plan-v{SyntheticPlan.GeneratorVersion}-{resources}-{SyntheticPlan.DefaultSeed}.json");
        if (!File.Exists(plan))
        {
            SyntheticPlan.EnsureFile(resources);
            using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, args) { UseShellExecute = false })!;
            child.WaitForExit();
            return child.ExitCode;
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var baseline = self.WorkingSet64;
        var cpuBefore = self.TotalProcessorTime;
        var total = Stopwatch.StartNew();
        var phase = Stopwatch.StartNew();
        var load = ScanPipeline.Load(plan);
        var readTime = phase.Elapsed;

        phase.Restart();
        var engine = ScanPipeline.Engine();
        var findings = ScanPipeline.Evaluate(engine, load.Estate);
        var rulesTime = phase.Elapsed;

        phase.Restart();
        var sarifBytes = ScanPipeline.WriteSarif(ScanPipeline.Report(load, engine, findings), Stream.Null);
        var sarifTime = phase.Elapsed;
        total.Stop();

        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        Console.WriteLine($"plan                 {plan} ({new FileInfo(plan).Length / 1048576.0:N1} MiB)");
        Console.WriteLine($"planned resources    {resources:N0}");
        Console.WriteLine($"estate resources     {load.Estate.Resources.Count:N0} (companions joined into their primaries)");
        Console.WriteLine($"input errors / notes {load.Errors.Count:N0} / {load.Notes.Count:N0}");
        Console.WriteLine($"findings             {findings.Count:N0}");
        Console.WriteLine($"SARIF bytes          {sarifBytes:N0}");
        Console.WriteLine($"read + model         {readTime.TotalMilliseconds,10:N0} ms");
        Console.WriteLine($"all rules            {rulesTime.TotalMilliseconds,10:N0} ms");
        Console.WriteLine($"report + SARIF       {sarifTime.TotalMilliseconds,10:N0} ms");
        Console.WriteLine($"total                {total.Elapsed.TotalMilliseconds,10:N0} ms ({resources / total.Elapsed.TotalSeconds:N0} resources/s)");
        Console.WriteLine($"process CPU time     {cpu.TotalMilliseconds,10:N0} ms ({resources / cpu.TotalSeconds:N0} resources per CPU-second)");
        Console.WriteLine($"working set before   {baseline / 1048576.0,10:N0} MiB");
        Console.WriteLine($"peak working set     {self.PeakWorkingSet64 / 1048576.0,10:N0} MiB");
        Console.WriteLine($"GC heap after        {gc.HeapSizeBytes / 1048576.0,10:N0} MiB (committed {gc.TotalCommittedBytes / 1048576.0:N0} MiB)");
        Console.WriteLine($"GC allocated total   {GC.GetTotalAllocatedBytes(precise: true) / 1048576.0,10:N0} MiB");
        Console.WriteLine($"GC collections       gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; pause {GC.GetTotalPauseDuration().TotalMilliseconds:N0} ms");
        Console.WriteLine($"processors           {Environment.ProcessorCount}");
        GC.KeepAlive(load);
        return 0;
    }
}
