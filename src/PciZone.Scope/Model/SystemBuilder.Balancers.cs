using PciZone.Estate;
using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Model;

internal sealed partial class SystemBuilder
{
    /// <summary>
    /// Load balancers answer only on their listeners' ports and forward to their target groups'
    /// targets on the targets' ports. Network load balancers without security groups are not filtered.
    /// </summary>
    private void LoadBalancers()
    {
        var listeners = network.Estate.OfType<Listener>().ToLookup(l => l.LoadBalancer.GetOrDefault()?.Address ?? "", StringComparer.Ordinal);
        foreach (var lb in network.Estate.OfType<LoadBalancer>())
        {
            var sys = NewSystem(lb);
            sys.IsNetworkComponent = true;
            var kind = lb.Kind.GetOrDefault("application");
            var groups = lb.SecurityGroups.GetOrDefault();
            var filtered = kind is "application" or "classic" || (kind == "network" && groups is { Count: > 0 });
            foreach (var s in lb.Subnets.GetOrDefault() ?? [])
            {
                if (network.SubnetOf(s) is not { } node)
                {
                    continue;
                }

                var att = Attach(sys, node, null, lb.SecurityGroups);
                att.Filtered = filtered && !(groups is { Count: 0 } && kind == "network");
                if (!att.Filtered)
                {
                    att.Groups.Clear();
                    att.GroupsUnknown = false;
                }

                (att.Public, att.PublicBecause) = lb.Internal.TryGet(out var isInternal)
                    ? (isInternal ? Tri.No : Tri.Yes, isInternal ? "internal load balancer" : "internet-facing load balancer")
                    : (Tri.Unknown, "whether the load balancer is internal is not known until apply");
            }

            var listens = BoxSet.Empty(Traffic.Space);
            foreach (var l in listeners[lb.Address])
            {
                if (!l.Port.TryGet(out var port))
                {
                    listens = BoxSet.Full(Traffic.Space);
                    continue;
                }

                foreach (var proto in Protocols(l.Protocol.GetOrDefault("TCP")!))
                {
                    listens = listens.Union(Traffic.Flow(AnyAddress, AnyAddress, proto, port, port));
                }
            }

            sys.Listens = listens;
        }

        // Targets are wired after every system exists, so a target group may point at any of them.
        foreach (var l in network.Estate.OfType<Listener>())
        {
            if (l.LoadBalancer.GetOrDefault()?.Address is not { } lbAddr || !_byAddress.TryGetValue(lbAddr, out var lbSys))
            {
                continue;
            }

            foreach (var tgRef in l.DefaultTargetGroups.GetOrDefault() ?? [])
            {
                if (tgRef.Address is null || network.Estate.Find(tgRef.Address) is not TargetGroup tg)
                {
                    continue;
                }

                foreach (var t in tg.Targets)
                {
                    if (t.Target.GetOrDefault()?.Address is not { } targetAddr || !_byAddress.TryGetValue(targetAddr, out var target))
                    {
                        continue;
                    }

                    var port = t.Port.GetOrDefault() ?? tg.Port.GetOrDefault();
                    var traffic = port is { } p
                        ? Protocols(tg.Protocol.GetOrDefault() ?? "TCP").Aggregate(BoxSet.Empty(Traffic.Space), (acc, proto) => acc.Union(Traffic.Flow(AnyAddress, AnyAddress, proto, p, p)))
                        : Traffic.Flow(AnyAddress, AnyAddress, "tcp", 0, 65535);
                    lbSys.Forwards.Add((target, traffic, $"{l.Address} -> {tg.Address}"));
                }
            }
        }
    }

    private static string[] Protocols(string listenerProtocol) =>
        listenerProtocol.ToUpperInvariant() switch
        {
            "UDP" => ["udp"],
            "TCP_UDP" => ["tcp", "udp"],
            "GENEVE" => ["udp"],
            _ => ["tcp"],
        };
}
