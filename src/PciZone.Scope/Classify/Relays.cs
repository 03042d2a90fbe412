using PciZone.Scope.Algebra;
using PciZone.Scope.Model;
using PciZone.Scope.Reach;
using PciZone.Scope.Result;

namespace PciZone.Scope.Classify;

/// <summary>
/// Traffic that a load balancer relays: a client reaches the balancer's listener, the balancer opens
/// its own connection to a target. Kept when the target is in the CDE or the client is the internet,
/// with the two paths joined by a <c>listener</c> hop.
/// </summary>
internal static class Relays
{
    public static IEnumerable<Flow> Through(AnalysisContext ctx, Explainer explainer)
    {
        foreach (var lb in ctx.Systems.Systems.Where(s => s.Forwards.Count > 0))
        {
            var clients = ctx.Reach.Flows.Where(f => f.To == lb.Index && !f.IsBlocked).ToList();
            var explained = new Dictionary<PairFlow, Flow>(ReferenceEqualityComparer.Instance);
            foreach (var (target, traffic, via) in lb.Forwards)
            {
                var onward = ctx.Reach.Find(lb.Index, target.Index);
                if (onward is null || onward.IsBlocked)
                {
                    continue;
                }

                var (v2, t2, why2) = explainer.Verdict(onward);
                var forwarded = t2.Intersect(traffic);
                if (v2 == FlowVerdict.Blocked || forwarded.IsEmpty)
                {
                    continue;
                }

                var toCde = ctx.IsCde[target.Index];
                Flow? second = null;
                foreach (var client in clients)
                {
                    if (!toCde && client.From != Reachability.Internet)
                    {
                        continue;
                    }

                    // Each leg is explained once, however many targets and clients share it.
                    if (!explained.TryGetValue(client, out var first))
                    {
                        explained[client] = first = explainer.Explain(client, declared: false);
                    }

                    second ??= explainer.Explain(onward, declared: false);
                    var verdict = first.Verdict == FlowVerdict.Reachable && v2 == FlowVerdict.Reachable ? FlowVerdict.Reachable : FlowVerdict.Unknown;
                    var from = client.From == Reachability.Internet ? null : ctx.Systems.Systems[client.From];
                    var hop = new Hop("listener", lb.Address, via, lb.Resource.Provenance);
                    yield return new Flow(first.From, target.Address, Traffic.Describe(forwarded), verdict,
                        [.. first.Path, hop, .. second.Path], null,
                        verdict == FlowVerdict.Unknown ? first.UnknownBecause ?? why2 : null,
                        Declarations.IsDeclared(ctx, from, target, lb, forwarded));
                }
            }
        }
    }
}
