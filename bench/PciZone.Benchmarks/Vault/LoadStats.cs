using System.Diagnostics;
using System.Globalization;

namespace PciZone.Benchmarks.Vault;

/// <summary>Per-request latencies of one run (Stopwatch ticks), sorted once at the end for exact percentiles.</summary>
internal sealed class LoadLatencies
{
    private readonly long[] _ticks;

    public LoadLatencies(IEnumerable<List<long>> perWorker)
    {
        _ticks = [.. perWorker.SelectMany(l => l)];
        Array.Sort(_ticks);
    }

    public int Count => _ticks.Length;

    /// <summary>Nearest-rank percentile in milliseconds.</summary>
    public double Percentile(double p)
    {
        if (_ticks.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * _ticks.Length) - 1;
        return Ms(_ticks[Math.Clamp(rank, 0, _ticks.Length - 1)]);
    }

    public double Max => _ticks.Length == 0 ? double.NaN : Ms(_ticks[^1]);

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

/// <summary>How busy the machine was: load average, and CPU time from /proc/stat (all processes) and of this process.</summary>
internal readonly record struct MachineSample(long BusyJiffies, long TotalJiffies, TimeSpan ProcessCpu, TimeSpan StoreCpu)
{
    public static MachineSample Take(ServiceHost host)
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal: idle and iowait are the idle part.
        var total = cpu.Take(8).Sum();
        var idle = cpu[3] + cpu[4];
        using var self = Process.GetCurrentProcess();
        return new MachineSample(total - idle, total, self.TotalProcessorTime, host.StoreServerCpu());
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "n/a";

    /// <summary>Machine busy share (of all cores), this process's and the store server's cores used, over the interval.</summary>
    public static string Describe(MachineSample a, MachineSample b, TimeSpan wall)
    {
        var machine = b.TotalJiffies == a.TotalJiffies ? 0 : 100.0 * (b.BusyJiffies - a.BusyJiffies) / (b.TotalJiffies - a.TotalJiffies);
        var self = (b.ProcessCpu - a.ProcessCpu) / wall;
        var store = (b.StoreCpu - a.StoreCpu) / wall;
        return string.Create(CultureInfo.InvariantCulture,
            $"machine CPU busy {machine:N0}% of {Environment.ProcessorCount} cores; this process (client + service) {self:N2} cores; PostgreSQL processes {store:N2} cores");
    }
}
