using PciZone.Scope.Algebra;
using PciZone.Scope.Model;
using PciZone.Scope.Reach;
using PciZone.Scope.Result;

namespace PciZone.Scope.Classify;

/// <summary>What classification and the checks share: systems, computed pairs, CDE membership, declarations.</summary>
internal sealed class AnalysisContext(
    SystemBuilder systems,
    Reachability reach,
    Explainer explainer,
    bool[] isCde,
    IReadOnlyList<Selector> entryPoints,
    ScopeOptions options)
{
    public SystemBuilder Systems { get; } = systems;

    public Reachability Reach { get; } = reach;

    public bool[] IsCde { get; } = isCde;

    public ScopeOptions Options { get; } = options;

    public bool IsCdeName(string name) => Systems.ByAddress.TryGetValue(name, out var s) && IsCde[s.Index];

    public bool IsEntryPoint(SystemNode s) => entryPoints.Any(e => e.Matches(s));

    // Flows inside the CDE, or wholly outside it, do not decide scope: reported only with --all-flows.
    private bool Reported(PairFlow f, bool all)
    {
        var fromCde = f.From >= 0 && IsCde[f.From];
        var toCde = f.To >= 0 && IsCde[f.To];
        var touchesInternet = f.From == Reachability.Internet || f.To == Reachability.Internet;
        return ((fromCde || toCde) && !(fromCde && toCde)) || !f.IsBlocked && (touchesInternet || all);
    }

    /// <summary>
    /// The flows to report: every pair that touches the CDE or the internet (blocked ones too, as
    /// evidence of segmentation), traffic relayed by load balancers into the CDE, and with
    /// <paramref name="all"/> every other reachable pair.
    /// </summary>
    public List<Flow> Flows(bool all)
    {
        var result = new List<Flow>();
        foreach (var f in Reach.Flows.Where(f => Reported(f, all)).OrderBy(f => explainer.Name(f.From), StringComparer.Ordinal).ThenBy(f => explainer.Name(f.To), StringComparer.Ordinal))
        {
            var flow = explainer.Explain(f, declared: false, out var traffic);
            var from = f.From < 0 ? null : Systems.Systems[f.From];
            var to = f.To < 0 ? null : Systems.Systems[f.To];
            result.Add(flow with { Declared = Declarations.IsDeclared(this, from, to, null, traffic) });
        }

        result.AddRange(Relays.Through(this, explainer));
        return result;
    }
}
