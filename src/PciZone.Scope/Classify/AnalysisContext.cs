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

    /// <summary>
    /// The flows to report: every pair that touches the CDE or the internet (blocked ones too, as
    /// evidence of segmentation), traffic relayed by load balancers into the CDE, and with
    /// <paramref name="all"/> every other reachable pair.
    /// </summary>
    public List<Flow> Flows(bool all)
    {
        var result = new List<Flow>();
        foreach (var f in Reach.Flows.OrderBy(f => explainer.Name(f.From), StringComparer.Ordinal).ThenBy(f => explainer.Name(f.To), StringComparer.Ordinal))
        {
            var touchesCde = (f.From >= 0 && IsCde[f.From]) || (f.To >= 0 && IsCde[f.To]);
            var touchesInternet = f.From == Reachability.Internet || f.To == Reachability.Internet;
            if (touchesCde || (touchesInternet && !f.IsBlocked) || (all && !f.IsBlocked))
            {
                var flow = explainer.Explain(f, declared: false);
                var (_, traffic, _) = explainer.Verdict(f);
                var from = f.From < 0 ? null : Systems.Systems[f.From];
                var to = f.To < 0 ? null : Systems.Systems[f.To];
                result.Add(flow with { Declared = Declarations.IsDeclared(this, from, to, null, traffic) });
            }
        }

        result.AddRange(Relays.Through(this, explainer));
        return result;
    }
}
