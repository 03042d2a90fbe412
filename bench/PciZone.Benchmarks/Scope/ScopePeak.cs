using System.Diagnostics;
using PciZone.Scope;
using PciZone.Scope.Classify;
using PciZone.Scope.Model;
using PciZone.Scope.Reach;

namespace PciZone.Benchmarks.Scope;

/// <summary>
/// <c>--scope-peak [VPCS]</c>: one cold all-pairs analysis of the synthetic network (20 VPCs by default),
/// with the time of each phase, counts and peak memory.
/// </summary>
public static class ScopePeak
{
    public static int Run(string[] args)
    {
        var vpcs = args.Length > 1 && int.TryParse(args[1], out var v) ? v : SyntheticNetwork.DefaultVpcs;
        var estate = SyntheticNetwork.Build(vpcs);
        var total = Stopwatch.StartNew();
        var sw = Stopwatch.StartNew();
        var options = ScopeOptions.Default;
        var network = new Network(estate);
        var systems = new SystemBuilder(network).Build();
        var cde = ScopeOptions.DefaultCde.Select(Selector.Parse).ToList();
        var isCde = systems.Systems.Select(s => cde.Any(c => c.Matches(s))).ToArray();
        Phase("model", sw);
        var routing = new Routing(network, new TransitGateways(network));
        var paths = new SubnetPaths(routing, options.EphemeralPorts);
        var pairs = new PairEvaluator(network, paths);
        var internet = new InternetPaths(network, routing, pairs);
        var reach = new Reachability(network, systems, pairs, internet, isCde, keepAll: false).Run();
        Phase($"all pairs ({reach.Flows.Count():N0} system pairs kept)", sw);
        var explainer = new Explainer(network, systems, pairs, internet, options.EphemeralPorts);
        var context = new AnalysisContext(systems, reach, explainer, isCde, [], options);
        var flows = context.Flows(all: false);
        Phase($"explain ({flows.Count:N0} flows)", sw);
        var classified = Classifier.Classify(context, flows);
        var violations = SegmentationChecks.Run(context, flows, _ => []);
        Phase($"classify + checks ({violations.Count:N0} violations)", sw);
        Console.WriteLine($"estate: {estate.Resources.Count:N0} resources, {systems.Attachments.Count:N0} interfaces, {network.Subnets.Count:N0} subnets, {network.Groups.Count:N0} groups");
        Console.WriteLine($"total: {total.Elapsed.TotalSeconds:N2} s; categories: {string.Join(", ", classified.GroupBy(s => s.Category).Select(g => $"{g.Key} {g.Count():N0}"))}");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB");
        return 0;
    }

    private static void Phase(string name, Stopwatch sw)
    {
        Console.WriteLine($"{name,-50} {sw.Elapsed.TotalSeconds,8:N2} s");
        sw.Restart();
    }
}
