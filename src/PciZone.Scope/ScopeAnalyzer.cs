using PciZone.Estate;
using PciZone.Scope.Classify;
using PciZone.Scope.Model;
using PciZone.Scope.Reach;
using PciZone.Scope.Result;

namespace PciZone.Scope;

/// <summary>
/// <c>pcizone scope</c>: builds the network from the estate, computes every path at once, classifies
/// the systems by scope and checks segmentation against what the user declared.
/// </summary>
public static class ScopeAnalyzer
{
    /// <summary>The segmentation checks, by the id used in results and in the rule pack.</summary>
    public static readonly IReadOnlyList<string> Checks = [SegmentationChecks.InternetToCde, SegmentationChecks.NonCdeToCde, SegmentationChecks.CdeEgress];

    /// <summary>Null when the selector parses, else what is wrong with it.</summary>
    public static string? ValidateSelector(string selector)
    {
        try
        {
            Selector.Parse(selector);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Null when a declared flow's endpoints and traffic parse, else what is wrong.</summary>
    public static string? Validate(DeclaredFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        foreach (var end in new[] { flow.From, flow.To })
        {
            if (!end.Equals("internet", StringComparison.OrdinalIgnoreCase) && end != "0.0.0.0/0" && ValidateSelector(end) is { } error)
            {
                return error;
            }
        }

        try
        {
            TrafficSpec.Parse(flow.Traffic);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Runs the analysis.</summary>
    /// <param name="estate">The estate.</param>
    /// <param name="options">CDE selectors and declarations.</param>
    /// <param name="requirements">PCI requirement ids of each check, from the one mapping file.</param>
    /// <param name="allFlows">Keep every reachable flow, not only those that touch the CDE or the internet.</param>
    /// <param name="cdeOnly">Stop after finding the systems when none is in the CDE (the segmentation rules: nothing to check).</param>
    public static ScopeResult Analyze(AwsEstate estate, ScopeOptions options, Func<string, IReadOnlyList<string>> requirements, bool allFlows = false, bool cdeOnly = false)
    {
        ArgumentNullException.ThrowIfNull(estate);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(requirements);
        var cdeSelectors = (options.Cde.Count == 0 ? ScopeOptions.DefaultCde : options.Cde).Select(Selector.Parse).ToList();
        var entrySelectors = options.EntryPoints.Append(ScopeOptions.EntryPointTag).Select(Selector.Parse).ToList();

        if (cdeOnly && !cdeSelectors.Any(c => c.CouldMatchAny(estate)))
        {
            return new ScopeResult([], [], [], cdeSelectors.Select(s => s.Text).ToList(), ["No resource carries a CDE tag."]);
        }

        var network = new Network(estate);
        var systems = new SystemBuilder(network).Build();
        var isCde = systems.Systems.Select(s => cdeSelectors.Any(c => c.Matches(s))).ToArray();
        if (cdeOnly && Array.IndexOf(isCde, true) < 0)
        {
            return new ScopeResult([], [], [], cdeSelectors.Select(s => s.Text).ToList(), ["No system is in the CDE."]);
        }

        var routing = new Routing(network, new TransitGateways(network));
        var paths = new SubnetPaths(routing, options.EphemeralPorts);
        var pairs = new PairEvaluator(network, paths);
        var internet = new InternetPaths(network, routing, pairs);
        var reach = new Reachability(network, systems, pairs, internet, isCde, allFlows).Run();
        var explainer = new Explainer(network, systems, pairs, internet, options.EphemeralPorts);
        var context = new AnalysisContext(systems, reach, explainer, isCde, entrySelectors, options);
        var flows = context.Flows(allFlows);
        var classified = Classifier.Classify(context, flows);
        var violations = SegmentationChecks.Run(context, flows, requirements);
        var notes = new List<string>
        {
            "IPv6 traffic is not evaluated; every verdict is about IPv4.",
            "Appliances in a route (firewall endpoints, instances as routers) pass traffic without their own rules being evaluated: such paths are unknown, not reachable.",
        };
        if (options.Cde.Count == 0)
        {
            notes.Add($"No CDE selector was given: the CDE is what carries the tags {string.Join(" or ", ScopeOptions.DefaultCde)}.");
        }

        return new ScopeResult(classified, flows, violations, cdeSelectors.Select(s => s.Text).ToList(), notes);
    }
}
