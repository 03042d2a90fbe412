using PciZone.Scope.Algebra;
using PciZone.Scope.Model;
using PciZone.Scope.Reach;

namespace PciZone.Scope.Classify;

/// <summary>
/// Whether a flow is one the user approved: internet traffic into an entry point (or relayed by one),
/// traffic from an entry point into the CDE, a declared flow, or a declared egress destination. A
/// declaration with traffic covers the flow only when all of the flow's traffic is within it.
/// </summary>
internal static class Declarations
{
    public static bool IsDeclared(AnalysisContext ctx, SystemNode? from, SystemNode? to, SystemNode? via, BoxSet traffic)
    {
        if (from is null && to is not null && (ctx.IsEntryPoint(to) || (via is not null && ctx.IsEntryPoint(via))))
        {
            return true;
        }

        if (from is not null && ctx.IsEntryPoint(from) && to is not null && ctx.IsCde[to.Index])
        {
            return true;
        }

        foreach (var d in ctx.Options.Flows.Concat(ctx.Options.Egress))
        {
            if (Matches(d.From, from) && Matches(d.To, to) && traffic.IsSubsetOf(TrafficSpec.Parse(d.Traffic)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Matches an endpoint: <c>internet</c> (or <c>0.0.0.0/0</c>) for the internet, else a selector
    /// for a system.
    /// </summary>
    private static bool Matches(string selector, SystemNode? system)
    {
        var isInternet = selector.Equals("internet", StringComparison.OrdinalIgnoreCase) || selector == "0.0.0.0/0";
        if (system is null)
        {
            return isInternet;
        }

        return !isInternet && Selector.Parse(selector).Matches(system);
    }
}
