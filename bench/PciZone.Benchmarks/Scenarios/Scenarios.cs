using BenchmarkDotNet.Attributes;
using PciZone.Benchmarks.Synthetic;
using PciZone.Compliance;
using PciZone.Estate;
using PciZone.Ingest;
using PciZone.Reporting;
using PciZone.Rules;

namespace PciZone.Benchmarks.Scenarios;

/// <summary>Base of every scenario: the plan size and the synthetic plan file of that size.</summary>
public abstract class PlanScenario
{
    /// <summary>Planned resource instances in the synthetic plan.</summary>
    [Params(10_000, 100_000)]
    public int Resources { get; set; }

    protected string PlanPath { get; private set; } = "";

    protected void EnsurePlan() => PlanPath = SyntheticPlan.EnsureFile(Resources);
}

/// <summary>What <c>pcizone scan PLAN --format sarif=FILE</c> costs: read, model, every rule, SARIF.</summary>
[Config(typeof(BenchConfig))]
public class EndToEnd : PlanScenario
{
    [GlobalSetup]
    public void Setup() => EnsurePlan();

    [Benchmark]
    public int Scan() => ScanPipeline.Scan(PlanPath, Stream.Null);
}

/// <summary>Reading the plan JSON and mapping it into the estate (joins included).</summary>
[Config(typeof(BenchConfig))]
public class ReadOnly : PlanScenario
{
    [GlobalSetup]
    public void Setup() => EnsurePlan();

    [Benchmark]
    public int Read() => ScanPipeline.Load(PlanPath).Estate.Resources.Count;
}

/// <summary>Every built-in rule over an estate that was read once beforehand.</summary>
[Config(typeof(BenchConfig))]
public class RulesOnly : PlanScenario
{
    private AwsEstate _estate = AwsEstate.Empty;
    private RuleEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        EnsurePlan();
        _estate = ScanPipeline.Load(PlanPath).Estate;
        _engine = ScanPipeline.Engine();
    }

    [Benchmark]
    public int Rules() => ScanPipeline.Evaluate(_engine, _estate).Count;
}

/// <summary>The SARIF writer over the findings of a scan that ran once beforehand.</summary>
[Config(typeof(BenchConfig))]
public class SarifOnly : PlanScenario
{
    private ScanReport _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        EnsurePlan();
        var load = ScanPipeline.Load(PlanPath);
        var engine = ScanPipeline.Engine();
        _report = ScanPipeline.Report(load, engine, ScanPipeline.Evaluate(engine, load.Estate));
    }

    [Benchmark]
    public long Sarif() => ScanPipeline.WriteSarif(_report, Stream.Null);
}
