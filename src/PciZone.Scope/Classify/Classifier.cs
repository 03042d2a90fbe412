using PciZone.Scope.Result;

namespace PciZone.Scope.Classify;

/// <summary>
/// Scope categories from the flows: CDE by selector; connected-to when a flow (reachable or unknown)
/// joins the system and the CDE either way; security-impacting when the system is a network component
/// that carries CDE traffic (a balancer relaying into the CDE, a NAT gateway or endpoint the CDE uses);
/// out of scope otherwise.
/// </summary>
internal static class Classifier
{
    public static List<ScopeSystem> Classify(AnalysisContext ctx, IReadOnlyList<Flow> flows)
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var carriers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in flows.Where(f => f.Verdict != FlowVerdict.Blocked))
        {
            var fromCde = ctx.IsCdeName(f.From);
            var toCde = ctx.IsCdeName(f.To);
            var verb = f.Verdict == FlowVerdict.Unknown ? "may reach" : "reaches";
            if (toCde && !fromCde && f.From != Reach.Explainer.InternetName)
            {
                reasons.TryAdd(f.From, $"{verb} {f.To} ({f.Traffic})");
            }

            if (fromCde && !toCde && f.To != Reach.Explainer.InternetName)
            {
                reasons.TryAdd(f.To, $"reached from {f.From} ({f.Traffic})");
            }

            if (fromCde || toCde)
            {
                foreach (var hop in f.Path.Where(h => h.Kind is "listener" or "nat"))
                {
                    carriers.TryAdd(hop.Component, $"carries CDE traffic: {f.From} -> {f.To}");
                }
            }
        }

        var result = new List<ScopeSystem>();
        foreach (var s in ctx.Systems.Systems)
        {
            var subnets = s.Attachments.Select(a => a.Subnet.Address).Distinct(StringComparer.Ordinal).ToList();
            var groups = s.Attachments.SelectMany(a => a.Groups).Select(g => g.Address).Distinct(StringComparer.Ordinal).ToList();
            var vpc = s.Attachments.FirstOrDefault()?.Subnet.Vpc?.Address;
            var (category, reason) = ctx.IsCde[s.Index]
                ? (ScopeCategory.Cde, "matches a CDE selector")
                : carriers.TryGetValue(s.Address, out var carry) ? (ScopeCategory.SecurityImpacting, carry)
                : reasons.TryGetValue(s.Address, out var why) ? (s.IsNetworkComponent ? ScopeCategory.SecurityImpacting : ScopeCategory.ConnectedTo, why)
                : (ScopeCategory.OutOfScope, "no path to or from the CDE");
            result.Add(new ScopeSystem(s.Address, s.Resource.EstateType, vpc, subnets, groups, category, reason, s.Resource.Provenance));
        }

        return result.OrderBy(s => s.Category).ThenBy(s => s.Address, StringComparer.Ordinal).ToList();
    }
}
