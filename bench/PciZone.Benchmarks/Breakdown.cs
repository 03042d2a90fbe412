using System.Diagnostics;
using System.Text.Json;
using PciZone.Benchmarks.Synthetic;
using PciZone.Ingest;
using PciZone.Ingest.Terraform;
using PciZone.Rules;

namespace PciZone.Benchmarks;

/// <summary>
/// Stopwatch profile of one scan, phase by phase, for finding where the time goes without a
/// profiler. It repeats the steps of <c>TerraformPlanReader.Map</c> and <c>RuleEngine.Run</c> through
/// their internal types (granted to this assembly), timing each: JSON parse, instance walk, config
/// index, resolver, each mapper type, each rule. Only a measuring copy: the product code is untouched.
/// </summary>
internal static class Breakdown
{
    public static int Run(int resources)
    {
        var plan = SyntheticPlan.EnsureFile(resources);
        ScanPipeline.Load(plan); // JIT and mapper discovery out of the way
        var sw = Stopwatch.StartNew();
        _cpuMark = CpuNow();
        var bytes = File.ReadAllBytes(plan);
        Report("read file", sw);
        JsonSniffer.Sniff(bytes, out _);
        Report("sniff (top-level keys)", sw);
        using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
        Report("JsonDocument.Parse", sw);
        var root = doc.RootElement;
        var instances = PlanInstances.Collect(root);
        Report($"PlanInstances.Collect ({instances.Count:N0})", sw);
        var config = new ConfigIndex(root, Path.GetDirectoryName(Path.GetFullPath(plan)));
        Report("ConfigIndex", sw);
        var resolver = new ReferenceResolver(config, instances);
        Report("ReferenceResolver index", sw);

        var registry = TerraformPlanReader.Registry(typeof(TerraformPlanReader).Assembly.GetTypes()
            .Where(t => typeof(ITerraformMappers).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ITerraformMappers)Activator.CreateInstance(t, nonPublic: true)!));
        var locator = new SourceLocator(plan);
        var sources = new SourceLiterals();
        var policies = new PolicyCache();
        var schemas = new AttributeSchemas();
        var builder = new EstateBuilder(plan, duplicateIsError: false, "plan");
        var views = new List<(MapperPhase Phase, ResourceMapper Map, TfView View)>(instances.Count);
        foreach (var instance in instances)
        {
            if (registry.TryGet(instance.Type, out var phase, out var map))
            {
                var provenance = locator.Locate(config.Module(instance.ConfigPath), instance.Type, instance.Name, instance.Address);
                var expressions = config.Expressions(instance.ConfigPath, instance.ConfigAddress);
                views.Add((phase, map, new TfView(instance, new TfContext(resolver, instance, "", sources, policies, schemas), instance.Address, provenance, expressions)));
            }
        }

        Report($"views ({views.Count:N0} modelled)", sw);
        var perType = new Dictionary<string, (TimeSpan Time, int Count)>(StringComparer.Ordinal);
        var one = new Stopwatch();
        foreach (var phase in new[] { MapperPhase.Primary, MapperPhase.Companion })
        {
            foreach (var (p, map, view) in views.Where(v => v.Phase == phase))
            {
                one.Restart();
                map(view, builder);
                var (t, c) = perType.GetValueOrDefault(view.Type);
                perType[view.Type] = (t + one.Elapsed, c + 1);
            }
        }

        Report($"mappers ({builder.Resources.Count:N0} estate resources, {builder.Notes.Count:N0} notes)", sw);
        foreach (var (type, (time, count)) in perType.OrderByDescending(p => p.Value.Time))
        {
            Console.WriteLine($"    {time.TotalMilliseconds,9:N1} ms  {count,7:N0} x {type}");
        }

        var load = ScanPipeline.Load(plan);

        // Per-estate indexes (AwsEstate.Memo) are built by the first rule that needs them, so the
        // engine's run gets an estate of its own, as a scan would, rather than one with warm indexes.
        var forEngine = ScanPipeline.Load(plan).Estate;
        sw.Restart();
        _cpuMark = CpuNow();
        var engine = ScanPipeline.Engine();
        var rules = engine.Select(RuleSelection.All);
        var context = new RuleContext(load.Estate, TimeProvider.System);
        var first = TimeEach(rules, context);
        Report($"rules, outcomes only ({rules.Count} rules; JIT and index building included)", sw);
        var again = ToLookup(TimeEach(rules, context));
        Report("rules again, outcomes only (indexes built, JIT done)", sw);
        Console.WriteLine("    10 rules allocating most, on a fresh estate (indexes included), MB");
        var fresh = new RuleContext(ScanPipeline.Load(plan).Estate, TimeProvider.System);
        foreach (var (rule, allocated) in rules.Select(r => (r, Allocated(r, fresh))).ToList().OrderByDescending(x => x.Item2).Take(10))
        {
            Console.WriteLine($"    {allocated / 1048576.0,9:N1} MB  {rule.Descriptor.Id} {rule.Descriptor.Slug}");
        }

        Console.WriteLine("    10 slowest rules, CPU ms: first run (JIT, indexes the rule builds first), then again");
        foreach (var (rule, cpu, outcomes) in first.OrderByDescending(r => r.Cpu).Take(10))
        {
            Console.WriteLine($"    {cpu.TotalMilliseconds,9:N1} ms {again[rule].TotalMilliseconds,9:N1} ms  {outcomes,7:N0} outcomes  {rule.Descriptor.Id} {rule.Descriptor.Slug}");
        }

        var findings = ScanPipeline.Evaluate(engine, forEngine);
        Report($"RuleEngine.Run ({findings.Count:N0} findings)", sw);
        var report = ScanPipeline.Report(load, engine, findings);
        Report("ScanReport", sw);
        var bytesOut = ScanPipeline.WriteSarif(report, Stream.Null);
        Report($"SARIF ({bytesOut:N0} bytes)", sw);
        return 0;
    }

    private static TimeSpan _cpuMark = CpuNow();

    /// <summary>Wall time and process CPU time: on a busy shared machine only the CPU time is comparable between runs.</summary>
    private static void Report(string what, Stopwatch sw)
    {
        var cpu = CpuNow();
        Console.WriteLine($"{sw.Elapsed.TotalMilliseconds,11:N1} ms wall {(cpu - _cpuMark).TotalMilliseconds,9:N1} ms cpu  {what}");
        _cpuMark = cpu;
        sw.Restart();
    }

    /// <summary>Runs each rule over the estate on its own, draining its outcomes; the process CPU time each took.</summary>
    private static List<(IRule Rule, TimeSpan Cpu, int Outcomes)> TimeEach(IReadOnlyList<IRule> rules, RuleContext context)
    {
        var times = new List<(IRule, TimeSpan, int)>(rules.Count);
        foreach (var rule in rules)
        {
            var start = CpuNow();
            var outcomes = rule.Evaluate(context).Count();
            times.Add((rule, CpuNow() - start, outcomes));
        }

        return times;
    }

    private static long Allocated(IRule rule, RuleContext context)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = rule.Evaluate(context).Count();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static Dictionary<IRule, TimeSpan> ToLookup(List<(IRule Rule, TimeSpan Cpu, int Outcomes)> times) =>
        times.ToDictionary(t => t.Rule, t => t.Cpu);

    // getrusage through Environment.CpuUsage: microseconds, where Process.TotalProcessorTime counts clock ticks.
    private static TimeSpan CpuNow() => Environment.CpuUsage.TotalTime;
}
