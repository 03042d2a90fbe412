using PciZone.Scope.Algebra;
using PciZone.Scope.Model;
using PciZone.Scope.Result;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Reach;

/// <summary>
/// Turns a computed pair into evidence: the verdict (reachable only when the traffic passes for
/// every address the systems may hold), the traffic, and every hop with the entry that admitted it,
/// or the component that drops it.
/// </summary>
internal sealed class Explainer(Network network, SystemBuilder systems, PairEvaluator pairs, InternetPaths internet, (int From, int To) ephemeral)
{
    public const string InternetName = "internet";

    public string Name(int index) => index == Reachability.Internet ? InternetName : systems.Systems[index].Address;

    public Flow Explain(PairFlow f, bool declared) => Explain(f, declared, out _);

    /// <summary>As <see cref="Explain(PairFlow, bool)"/>, also giving the traffic the verdict is about.</summary>
    public Flow Explain(PairFlow f, bool declared, out BoxSet traffic)
    {
        (var verdict, traffic, var because) = Verdict(f);
        var hops = new List<Hop>();
        Hop? block = null;
        if (f.From == Reachability.Internet && f.B is { } b)
        {
            var (_, igwHops, why) = internet.Inbound(b);
            hops.AddRange(igwHops);
            AddAclAndGroups(hops, null, b, traffic);
            block = verdict == FlowVerdict.Blocked ? InboundBlock(b, why) : null;
        }
        else if (f.To == Reachability.Internet && f.A is { } a)
        {
            var (_, outHops, why) = internet.Outbound(a, systems.NatSubnets);
            hops.AddRange(Entries.GroupHops(a, null, traffic, ingress: false, network));
            hops.AddRange(Entries.AclHops(a.Subnet.Acl, traffic, ingress: false, "nacl-out"));
            hops.AddRange(outHops);
            block = verdict == FlowVerdict.Blocked ? new Hop("route", Routing.RouteTableName(a.Subnet), why ?? "no path to the internet", a.Subnet.RouteTable?.Provenance ?? a.Subnet.Resource.Provenance) : null;
        }
        else if (f.A is { } src && f.B is { } dst)
        {
            hops.AddRange(Entries.GroupHops(src, dst, traffic, ingress: false, network));
            var leg = pairs.Paths.Between(src.Subnet, dst.Subnet);
            foreach (var l in leg.There.Where(l => l.Fate != Delivery.Dropped && l.Part.Overlaps(dst.Address)))
            {
                hops.AddRange(l.Hops);
            }

            AddAclAndGroups(hops, src, dst, traffic);
            block = verdict == FlowVerdict.Blocked ? PairBlock(src, dst, leg) : null;
        }

        return new Flow(Name(f.From), Name(f.To), verdict == FlowVerdict.Blocked ? "none" : Traffic.Describe(traffic),
            verdict, verdict == FlowVerdict.Blocked ? [] : hops.Distinct().ToList(), block, verdict == FlowVerdict.Unknown ? because : null, declared);
    }

    /// <summary>Reachable when some traffic passes for every address either system may hold.</summary>
    public (FlowVerdict Verdict, BoxSet Traffic, string? Because) Verdict(PairFlow f)
    {
        var def = f.Admit.Definite;
        if (!def.IsEmpty && f.A is { } a && f.B is { } b && (!a.ExactAddress || !b.ExactAddress))
        {
            var span = Traffic.Of(a.Address, b.Address, Range.All(255), Range.All(65535));
            var full = Ports(def).Except(Ports(span.Except(def)));
            if (full.IsEmpty)
            {
                return (FlowVerdict.Unknown, def, $"admitted only for some addresses of {a.Subnet.Address} or {b.Subnet.Address}: depends on the private IPs assigned at launch");
            }

            return (FlowVerdict.Reachable, def.Intersect(full), null);
        }

        if (!def.IsEmpty)
        {
            return (FlowVerdict.Reachable, def, null);
        }

        return f.Admit.Possible.IsEmpty
            ? (FlowVerdict.Blocked, def, f.Why)
            : (FlowVerdict.Unknown, f.Admit.Possible, f.Why ?? UnknownReason(f));
    }

    private string UnknownReason(PairFlow f)
    {
        if (f.A is { } a && f.B is { } b)
        {
            if (a.GroupsUnknown || b.GroupsUnknown)
            {
                return $"the security groups of {(a.GroupsUnknown ? a.System.Address : b.System.Address)} are not known until apply";
            }

            if (pairs.Paths.Between(a.Subnet, b.Subnet).Unknown is { } why)
            {
                return why;
            }
        }

        return "a security-group rule, ACL entry or route in the path is not known until apply";
    }

    private static BoxSet Ports(BoxSet s)
    {
        var result = BoxSet.Empty(Traffic.Space);
        foreach (var box in s.Boxes)
        {
            result = result.Union(Traffic.Of(Traffic.AnyAddress, Traffic.AnyAddress, box[2], box[3]));
        }

        return result;
    }

    private void AddAclAndGroups(List<Hop> hops, Attachment? src, Attachment dst, BoxSet traffic)
    {
        var crosses = src is null || !ReferenceEquals(src.Subnet, dst.Subnet);
        if (crosses && src is not null)
        {
            hops.AddRange(Entries.AclHops(src.Subnet.Acl, traffic, ingress: false, "nacl-out"));
        }

        if (crosses)
        {
            hops.AddRange(Entries.AclHops(dst.Subnet.Acl, traffic, ingress: true, "nacl-in"));
        }

        hops.AddRange(Entries.GroupHops(dst, src, traffic, ingress: true, network));
        if (crosses)
        {
            var reply = Traffic.Reverse(traffic, new Range((uint)ephemeral.From, (uint)ephemeral.To));
            hops.AddRange(Entries.AclHops(dst.Subnet.Acl, reply, ingress: false, "nacl-return"));
            if (src is not null)
            {
                hops.AddRange(Entries.AclHops(src.Subnet.Acl, reply, ingress: true, "nacl-return"));
            }
        }
    }

    private Hop InboundBlock(Attachment b, string? why)
    {
        if (why is not null)
        {
            return new Hop("igw", b.System.Address, why, b.System.Resource.Provenance);
        }

        var acl = pairs.Paths.Acl(b.Subnet);
        var span = InternetPaths.FromInternet(b.Address);

        if (b.Subnet.Acl is { } nacl && span.Intersect(acl.Inbound.Possible).IsEmpty)
        {
            return Entries.AclBlock(nacl, span, ingress: true, "nacl-in");
        }

        if (b.Subnet.Acl is { } nacl2 && span.Intersect(acl.Inbound.Possible).Intersect(acl.ReplyOut.Possible).IsEmpty)
        {
            return Entries.AclBlock(nacl2, Traffic.Reverse(span.Intersect(acl.Inbound.Possible), new Range((uint)ephemeral.From, (uint)ephemeral.To)), ingress: false, "nacl-return");
        }

        return new Hop("sg-ingress", string.Join(", ", b.Groups.Select(g => g.Address)), "no ingress rule admits traffic from the internet", b.Groups.FirstOrDefault()?.Provenance ?? b.System.Resource.Provenance);
    }

    private Hop PairBlock(Attachment a, Attachment b, NetLeg leg)
    {
        var span = Traffic.Of(a.Address, b.Address, Range.All(255), Range.All(65535));
        var cur = PairEvaluator.GroupPart(pairs.Egress(a), b).Possible.Intersect(span);
        if (cur.IsEmpty)
        {
            return new Hop("sg-egress", string.Join(", ", a.Groups.Select(g => g.Address)), $"no egress rule admits traffic to {b.System.Address}", a.Groups.FirstOrDefault()?.Provenance ?? a.System.Resource.Provenance);
        }

        var ing = PairEvaluator.GroupPart(pairs.Ingress(b), a).Possible;
        if (cur.Intersect(ing).IsEmpty)
        {
            return new Hop("sg-ingress", string.Join(", ", b.Groups.Select(g => g.Address)), $"no ingress rule admits traffic from {a.System.Address}", b.Groups.FirstOrDefault()?.Provenance ?? b.System.Resource.Provenance);
        }

        cur = cur.Intersect(ing);
        if (b.System.Listens is { } listens && cur.Intersect(listens).IsEmpty)
        {
            return new Hop("listener", b.System.Address, "no listener on the ports the groups admit", b.System.Resource.Provenance);
        }

        if (leg.RouteBlock is { } rb)
        {
            return new Hop("route", Routing.RouteTableName(a.Subnet), rb, a.Subnet.RouteTable?.Provenance ?? a.Subnet.Resource.Provenance);
        }

        var aclA = pairs.Paths.Acl(a.Subnet);
        var aclB = pairs.Paths.Acl(b.Subnet);
        var eph = new Range((uint)ephemeral.From, (uint)ephemeral.To);
        if (a.Subnet.Acl is { } outAcl && cur.Intersect(aclA.Outbound.Possible).IsEmpty)
        {
            return Entries.AclBlock(outAcl, cur, ingress: false, "nacl-out");
        }

        cur = cur.Intersect(aclA.Outbound.Possible);
        if (b.Subnet.Acl is { } inAcl && cur.Intersect(aclB.Inbound.Possible).IsEmpty)
        {
            return Entries.AclBlock(inAcl, cur, ingress: true, "nacl-in");
        }

        cur = cur.Intersect(aclB.Inbound.Possible);
        if (b.Subnet.Acl is { } retB && cur.Intersect(aclB.ReplyOut.Possible).IsEmpty)
        {
            return Entries.AclBlock(retB, Traffic.Reverse(cur, eph), ingress: false, "nacl-return");
        }

        return a.Subnet.Acl is { } retA
            ? Entries.AclBlock(retA, Traffic.Reverse(cur, eph), ingress: true, "nacl-return")
            : new Hop("network", a.Subnet.Address, "blocked between the subnets", a.Subnet.Resource.Provenance);
    }
}
