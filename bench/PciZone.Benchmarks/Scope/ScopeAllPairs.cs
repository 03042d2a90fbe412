using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Attributes;
using PciZone.Estate;
using PciZone.Scope;

namespace PciZone.Benchmarks.Scope;

/// <summary>
/// All-pairs scope on the synthetic network (1,000 subnets, 5,000 groups, 20,000 interfaces): build
/// the network, evaluate every candidate pair, classify, check segmentation and explain every
/// reported flow. Issue 5's target: under 10 seconds on one core.
/// </summary>
[Config(typeof(ScopeBenchConfig))]
public class ScopeAllPairs
{
    private AwsEstate _estate = AwsEstate.Empty;

    [GlobalSetup]
    public void Setup() => _estate = SyntheticNetwork.Build();

    [Benchmark]
    public int AllPairs() => ScopeAnalyzer.Analyze(_estate, ScopeOptions.Default, _ => []).Flows.Count;
}

/// <summary>As the scan benchmark's job, with one warm-up fewer: one analysis is seconds long.</summary>
public sealed class ScopeBenchConfig : BenchmarkDotNet.Configs.ManualConfig
{
    public ScopeBenchConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            .WithInvocationCount(1).WithUnrollFactor(1).WithGcServer(false).WithGcConcurrent(false)
            .WithEnvironmentVariables(new BenchmarkDotNet.Jobs.EnvironmentVariable("DOTNET_TieredPGO", "0")).WithId("Scope"));
        AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
    }
}
