using PciZone.Estate;
using PciZone.Scope.Model;
using PciZone.Scope.Result;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Reach;

/// <summary>How one block of destinations fares on its way from a subnet to a subnet.</summary>
internal enum Delivery
{
    Delivered,
    Maybe,
    Dropped,
}

/// <summary>A destination block with its fate and the hops (or the drop) that decided it.</summary>
internal sealed record Leg(Range Part, Delivery Fate, List<Hop> Hops, string? Why);

/// <summary>
/// Routing between subnets: the source subnet's route table by longest prefix, then a local delivery,
/// a VPC peering connection (accepted, and leading to the destination's VPC) or a transit gateway
/// (the route table associated with the source's attachment, leading to an attachment in the
/// destination's VPC). Gateways to the internet or to on-premises networks never deliver to a subnet.
/// </summary>
internal sealed class Routing(Network network, TransitGateways tgws)
{
    private readonly Dictionary<SubnetNode, RouteLookup> _lookups = [];

    public int SubnetCount => network.Subnets.Count;

    public RouteLookup Lookup(SubnetNode s)
    {
        if (!_lookups.TryGetValue(s, out var l))
        {
            l = new RouteLookup(s.RouteTable, s.Vpc, network);
            _lookups[s] = l;
        }

        return l;
    }

    /// <summary>The legs of traffic from <paramref name="from"/> to the addresses <paramref name="dst"/> of <paramref name="to"/>.</summary>
    public List<Leg> Legs(SubnetNode from, SubnetNode to, Range dst)
    {
        var lookup = Lookup(from);
        var legs = new List<Leg>();
        var parts = lookup.Resolve(dst, out var unrouted);
        foreach (var (part, route) in parts)
        {
            var rtHop = RouteHop(from, route, part);
            legs.AddRange(Deliver(from, to, part, route, rtHop));
        }

        foreach (var u in unrouted)
        {
            legs.Add(new Leg(u, Delivery.Dropped, [], $"{RouteTableName(from)} has no route to {Algebra.Traffic.DescribeAddresses(u)}"));
        }

        if (lookup.Uncertain is { } why)
        {
            for (var i = 0; i < legs.Count; i++)
            {
                if (legs[i].Fate == Delivery.Delivered)
                {
                    legs[i] = legs[i] with { Fate = Delivery.Maybe, Why = why };
                }
            }
        }

        return legs;
    }

    public static string RouteTableName(SubnetNode s) =>
        s.RouteTable?.Address ?? $"the main route table of {s.Vpc?.Address ?? "its VPC"}";

    private IEnumerable<Leg> Deliver(SubnetNode from, SubnetNode to, Range part, Route? route, Hop rtHop)
    {
        if (route is null)
        {
            if (ReferenceEquals(from.Vpc, to.Vpc))
            {
                yield return new Leg(part, Delivery.Delivered, [rtHop], null);
            }
            else
            {
                yield return new Leg(part, Delivery.Dropped, [], $"{Algebra.Traffic.DescribeAddresses(part)} is local to {from.Vpc?.Address}, not {to.Vpc?.Address}");
            }

            yield break;
        }

        var target = route.Target.GetOrDefault();
        switch (route.TargetKind)
        {
            case RouteTargetKind.VpcPeering:
                yield return Peering(from, to, part, route, target, rtHop);
                break;
            case RouteTargetKind.TransitGateway:
                foreach (var leg in TransitGateway(from, to, part, target, rtHop))
                {
                    yield return leg;
                }

                break;
            case RouteTargetKind.NetworkInterface or RouteTargetKind.VpcEndpoint when ReferenceEquals(from.Vpc, to.Vpc):
                yield return new Leg(part, Delivery.Maybe, [rtHop], $"traffic passes the appliance {target} whose own filtering is not evaluated");
                break;
            case RouteTargetKind.Unknown:
                yield return new Leg(part, Delivery.Maybe, [rtHop], $"the target of the route in {RouteTableName(from)} is not known until apply");
                break;
            default:
                yield return new Leg(part, Delivery.Dropped, [], $"{RouteTableName(from)} sends {Algebra.Traffic.DescribeAddresses(part)} to {route.TargetKind} {target}, away from {to.Address}");
                break;
        }
    }

    private Leg Peering(SubnetNode from, SubnetNode to, Range part, Route route, ResourceRef? target, Hop rtHop)
    {
        if (target?.Address is null || network.Estate.Find(target.Address) is not VpcPeeringConnection pcx)
        {
            return new Leg(part, Delivery.Maybe, [rtHop], $"the peering connection {target} is not in the estate");
        }

        var requester = network.VpcOf(pcx.RequesterVpc);
        var accepter = network.VpcOf(pcx.AccepterVpc);
        var other = ReferenceEquals(requester, from.Vpc) ? accepter : ReferenceEquals(accepter, from.Vpc) ? requester : null;
        if (!ReferenceEquals(other, to.Vpc) || other is null)
        {
            return new Leg(part, Delivery.Dropped, [], $"{pcx.Address} does not connect {from.Vpc?.Address} to {to.Vpc?.Address}");
        }

        var hop = new Hop("peering", pcx.Address, $"{requester?.Address} <-> {accepter?.Address}", pcx.Provenance);
        if (!pcx.Accepted.TryGet(out var accepted))
        {
            return new Leg(part, Delivery.Maybe, [rtHop, hop], $"whether {pcx.Address} is accepted is not known until apply");
        }

        return accepted
            ? new Leg(part, Delivery.Delivered, [rtHop, hop], null)
            : new Leg(part, Delivery.Dropped, [], $"{pcx.Address} is not accepted");
    }

    private IEnumerable<Leg> TransitGateway(SubnetNode from, SubnetNode to, Range part, ResourceRef? target, Hop rtHop)
    {
        var att = from.Vpc?.TgwAttachments.FirstOrDefault(a => string.Equals(a.TransitGateway.GetOrDefault()?.Address, target?.Address, StringComparison.Ordinal));
        if (att is null)
        {
            yield return new Leg(part, Delivery.Dropped, [], $"{from.Vpc?.Address} has no attachment to {target}");
            yield break;
        }

        if (tgws.TableFor(att) is not { } table)
        {
            yield return new Leg(part, Delivery.Dropped, [], $"{att.Address} is associated with no transit gateway route table");
            yield break;
        }

        var covered = 0UL;
        foreach (var (p, next, source, isStatic) in table.Resolve(part))
        {
            covered += p.Size;
            var entry = $"{Algebra.Traffic.DescribeAddresses(p)} -> {(next is null ? "blackhole" : next.Address)}{(isStatic ? "" : " (propagated)")}";
            var hop = new Hop("tgw-route", table.Address, entry, source);
            if (next is null)
            {
                yield return new Leg(p, Delivery.Dropped, [], $"{table.Address}: blackhole route for {Algebra.Traffic.DescribeAddresses(p)}");
            }
            else if (!ReferenceEquals(network.VpcOf(next.Vpc), to.Vpc))
            {
                yield return new Leg(p, Delivery.Dropped, [], $"{table.Address} sends {Algebra.Traffic.DescribeAddresses(p)} to {next.Address}, not to {to.Vpc?.Address}");
            }
            else
            {
                yield return new Leg(p, table.Uncertain is null ? Delivery.Delivered : Delivery.Maybe, [rtHop, hop], table.Uncertain);
            }
        }

        if (covered < part.Size)
        {
            yield return new Leg(part, Delivery.Dropped, [], $"{table.Address} has no route for part of {Algebra.Traffic.DescribeAddresses(part)}");
        }
    }

    private static Hop RouteHop(SubnetNode from, Route? route, Range part) =>
        route is null
            ? new Hop("route", RouteTableName(from), $"{Algebra.Traffic.DescribeAddresses(part)} local", from.RouteTable?.Provenance ?? from.Resource.Provenance)
            : new Hop("route", RouteTableName(from), $"{route.DestinationCidr.GetOrDefault() ?? route.DestinationPrefixList.GetOrDefault()} -> {route.Target.GetOrDefault()}", route.Source);
}
