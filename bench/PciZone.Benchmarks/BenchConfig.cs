using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PciZone.Benchmarks;

/// <summary>
/// One launch, three warm-ups (the tiered JIT finishes its background tier-1 work on the one pinned
/// core during the first scans), five measured runs, one scan per run: a scan of 100,000 resources takes
/// seconds, so BenchmarkDotNet's pilot stage and unrolling would only multiply the wall time on a
/// 2-core machine without adding precision. The runtime is configured as the CLI ships it.
/// </summary>
public class BenchConfig : ManualConfig
{
    public BenchConfig()
        : this("Scan", 3, 5, new ResourcesPerSecondColumn())
    {
    }

    protected BenchConfig(string id, int warmups, int iterations, IColumn? rate)
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(warmups)
            .WithIterationCount(iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithGcServer(false)
            .WithGcConcurrent(false)
            // The runtime settings of src/PciZone.Cli/PciZone.Cli.csproj, stated here because the
            // child process is built from a generated project, not from this one: dynamic PGO off
            // (one scan in steady state: 2.5-2.6 s of CPU with it, 2.1-2.2 s without).
            .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TieredPGO", "0"))
            .WithId(id));
        AddDiagnoser(MemoryDiagnoser.Default);
        if (rate is not null)
        {
            AddColumn(rate);
        }
    }
}

/// <summary>
/// Items per second: an int parameter (<c>Resources</c>, <c>Events</c>) over the mean time, or, with no
/// parameter, one over the mean (the mean is then per operation, as with OperationsPerInvoke).
/// </summary>
public class PerSecondColumn(string? parameter, string columnName, string legend) : IColumn
{
    public string Id => nameof(PerSecondColumn) + (parameter ?? columnName);

    public string ColumnName => columnName;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var n = parameter is null ? 1 : benchmarkCase.Parameters[parameter] as int?;
        return mean is { } ns && n is { } count && ns > 0
            ? (count / (ns / 1e9)).ToString("N0", CultureInfo.InvariantCulture)
            : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}

/// <summary>Planned resource instances per second: the <c>Resources</c> parameter over the mean time.</summary>
public sealed class ResourcesPerSecondColumn() : PerSecondColumn("Resources", "Resources/s", "Planned resource instances per second of mean time (Resources / Mean)");
