using PciZone.Estate;
using PciZone.Scope.Algebra;
using PciZone.Scope.Model;
using PciZone.Scope.Result;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Reach;

/// <summary>
/// Traffic between attachments and the internet. Inbound needs a public address, an internet gateway
/// attached to the VPC, and a route back to the source through it; outbound leaves through an
/// internet gateway (public address needed) or a public NAT gateway (which never accepts inbound).
/// </summary>
internal sealed class InternetPaths(Network network, Routing routing, PairEvaluator pairs)
{
    /// <summary>
    /// Internet addresses: everything but "this network" (0/8), the private ranges of RFC 1918, shared
    /// address space (100.64/10), loopback, link-local, and multicast and reserved space (224/3).
    /// </summary>
    public static readonly Range[] Public = RangeList.Complement(
        [.. new[] { "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/3" }.Select(Cidr.Parse)],
        uint.MaxValue);

    /// <summary>Every packet from an internet address to <paramref name="destination"/>.</summary>
    public static BoxSet FromInternet(Range destination)
    {
        var span = BoxSet.Empty(Traffic.Space);
        foreach (var s in Public)
        {
            span = span.Union(Traffic.Of(s, destination, Range.All(255), Range.All(65535)));
        }

        return span;
    }

    /// <summary>Internet to <paramref name="b"/>, with the hops that decide it.</summary>
    public (Admit Admit, List<Hop> Hops, string? Why) Inbound(Attachment b)
    {
        if (b.Public == Tri.No)
        {
            return (Admit.None, [], $"{b.System.Address} has no public IP address ({b.PublicBecause})");
        }

        if (b.Subnet.Cidr is null)
        {
            return (Admit.Unknown, [], $"the CIDR of {b.Subnet.Address} is not known until apply");
        }

        var (sources, hops, why) = ReturnThroughGateway(b.Subnet);
        if (sources.IsEmpty)
        {
            return (Admit.None, hops, why);
        }

        var span = FromInternet(b.Address);
        var acl = pairs.Paths.Acl(b.Subnet);
        var admit = sources.And(span).And(acl.Inbound).And(acl.ReplyOut).And(pairs.Ingress(b).CidrPart);
        if (b.System.Listens is { } listens)
        {
            admit = admit.And(listens);
        }

        return (b.Public == Tri.Unknown ? admit.Uncertain() : admit, hops, b.Public == Tri.Unknown ? b.PublicBecause : null);
    }

    /// <summary>Internet sources whose replies the subnet's route table sends back through an attached internet gateway.</summary>
    private (Admit Sources, List<Hop> Hops, string? Why) ReturnThroughGateway(SubnetNode s)
    {
        var lookup = routing.Lookup(s);
        var def = BoxSet.Empty(Traffic.Space);
        var pos = BoxSet.Empty(Traffic.Space);
        var hops = new List<Hop>();
        string? why = null;
        foreach (var range in Public)
        {
            foreach (var (part, route) in lookup.Resolve(range, out _))
            {
                if (route is { TargetKind: RouteTargetKind.InternetGateway } && AttachedGateway(s, route) is { } igw)
                {
                    var box = Traffic.Of(part, Range.All(uint.MaxValue), Range.All(255), Range.All(65535));
                    pos = pos.Union(box);
                    if (lookup.Uncertain is null)
                    {
                        def = def.Union(box);
                    }

                    if (hops.Count == 0)
                    {
                        hops.Add(new Hop("igw", igw.Address, $"attached to {s.Vpc?.Address}", igw.Provenance));
                        hops.Add(new Hop("route", Routing.RouteTableName(s), $"{route.DestinationCidr.GetOrDefault()} -> {igw.Address}", route.Source));
                    }
                }
                else if (route is { TargetKind: RouteTargetKind.Unknown })
                {
                    pos = pos.Union(Traffic.Of(part, Range.All(uint.MaxValue), Range.All(255), Range.All(65535)));
                }
            }
        }

        if (pos.IsEmpty)
        {
            why = $"{Routing.RouteTableName(s)} has no route to the internet through an internet gateway of {s.Vpc?.Address}";
        }

        return (new Admit(def, pos), hops, why);
    }

    private InternetGateway? AttachedGateway(SubnetNode s, Route route)
    {
        var target = route.Target.GetOrDefault()?.Address;
        foreach (var igw in s.Vpc?.InternetGateways ?? [])
        {
            if (string.Equals(igw.Address, target, StringComparison.Ordinal))
            {
                return igw;
            }
        }

        return target is null ? s.Vpc?.InternetGateways.FirstOrDefault() : null;
    }

    /// <summary><paramref name="a"/> to the internet, directly or through a NAT gateway.</summary>
    public (Admit Admit, List<Hop> Hops, string? Why) Outbound(Attachment a, IReadOnlyDictionary<string, SubnetNode> natSubnets)
    {
        if (a.Subnet.Cidr is null)
        {
            return (Admit.Unknown, [], $"the CIDR of {a.Subnet.Address} is not known until apply");
        }

        var lookup = routing.Lookup(a.Subnet);
        var acl = pairs.Paths.Acl(a.Subnet);
        var egress = pairs.Egress(a).CidrPart;
        var result = Admit.None;
        var hops = new List<Hop>();
        string? why = null;
        foreach (var range in Public)
        {
            foreach (var (part, route) in lookup.Resolve(range, out _))
            {
                var span = Traffic.Of(a.Address, part, Range.All(255), Range.All(65535));
                var leg = route?.TargetKind switch
                {
                    RouteTargetKind.InternetGateway when AttachedGateway(a.Subnet, route) is not null =>
                        a.Public switch
                        {
                            Tri.Yes => Admit.Exactly(span),
                            Tri.Unknown => new Admit(BoxSet.Empty(Traffic.Space), span),
                            _ => Admit.None,
                        },
                    RouteTargetKind.NatGateway => ThroughNat(a.Subnet, route, span, natSubnets, hops),
                    RouteTargetKind.Unknown => new Admit(BoxSet.Empty(Traffic.Space), span),
                    _ => Admit.None,
                };
                if (!leg.IsEmpty && route is not null && hops.Count < 4)
                {
                    hops.Insert(0, new Hop("route", Routing.RouteTableName(a.Subnet), $"{route.DestinationCidr.GetOrDefault()} -> {route.Target.GetOrDefault()}", route.Source));
                }

                result = result.Or(leg);
            }
        }

        if (result.IsEmpty)
        {
            why = a.Public == Tri.No && lookup.Resolve(Public[0], out _).Any(p => p.Route?.TargetKind == RouteTargetKind.InternetGateway)
                ? $"{Routing.RouteTableName(a.Subnet)} routes to an internet gateway but {a.System.Address} has no public IP address"
                : $"{Routing.RouteTableName(a.Subnet)} has no route to the internet";
        }

        return (result.And(egress).And(acl.Outbound).And(acl.ReplyIn), hops, why);
    }

    private Admit ThroughNat(SubnetNode from, Route route, BoxSet span, IReadOnlyDictionary<string, SubnetNode> natSubnets, List<Hop> hops)
    {
        var natAddr = route.Target.GetOrDefault()?.Address;
        if (natAddr is null || network.Estate.Find(natAddr) is not NatGateway nat || !natSubnets.TryGetValue(natAddr, out var sn))
        {
            return new Admit(BoxSet.Empty(Traffic.Space), span);
        }

        if (nat.ConnectivityType.GetOrDefault("public") == "private")
        {
            return Admit.None;
        }

        // The NAT gateway's own subnet must send the traffic to an internet gateway and let it through its ACL.
        var natAcl = pairs.Paths.Acl(sn);
        var onward = Admit.None;
        foreach (var (part, r) in routing.Lookup(sn).Resolve(new Range(0, uint.MaxValue), out _))
        {
            if (r is { TargetKind: RouteTargetKind.InternetGateway } && AttachedGateway(sn, r) is not null)
            {
                onward = onward.Or(Admit.Exactly(Traffic.Of(Range.All(uint.MaxValue), part, Range.All(255), Range.All(65535))));
            }
        }

        hops.Add(new Hop("nat", nat.Address, $"in {sn.Address}", nat.Provenance));
        var leg = Admit.Exactly(span).And(onward).And(natAcl.Outbound).And(natAcl.ReplyIn);

        // Between the source and the NAT gateway the subnet boundary is crossed only when they differ.
        return ReferenceEquals(from, sn) ? leg : leg.And(natAcl.Inbound).And(natAcl.ReplyOut);
    }
}
