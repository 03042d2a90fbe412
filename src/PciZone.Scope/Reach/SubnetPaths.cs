using PciZone.Scope.Algebra;
using PciZone.Scope.Model;
using PciZone.Scope.Result;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Reach;

/// <summary>
/// The network between two subnets, both ways: routes there and back, the source's outbound and the
/// destination's inbound ACL, and the ACLs the replies cross. Cached per ordered subnet pair.
/// </summary>
internal sealed class SubnetPaths(Routing routing, (int From, int To) ephemeral)
{
    private readonly Dictionary<(int, int), NetLeg> _cache = [];
    private readonly Dictionary<object, AclRules> _acls = new(ReferenceEqualityComparer.Instance);
    private static readonly object NoAcl = new();

    public AclRules Acl(SubnetNode s)
    {
        var key = (object?)s.Acl ?? NoAcl;
        if (!_acls.TryGetValue(key, out var rules))
        {
            rules = new AclRules(s.Acl, ephemeral);
            _acls[key] = rules;
        }

        return rules;
    }

    public NetLeg Between(SubnetNode a, SubnetNode b)
    {
        if (_cache.TryGetValue((a.Index, b.Index), out var leg))
        {
            return leg;
        }

        leg = Compute(a, b);
        _cache[(a.Index, b.Index)] = leg;
        return leg;
    }

    private NetLeg Compute(SubnetNode a, SubnetNode b)
    {
        if (a.Cidr is not { } ac || b.Cidr is not { } bc)
        {
            return new NetLeg(Admit.Unknown, [], [], null, $"the CIDR of {(a.Cidr is null ? a.Address : b.Address)} is not known until apply");
        }

        var span = Traffic.Of(ac, bc, Range.All(255), Range.All(65535));
        if (ReferenceEquals(a, b))
        {
            return new NetLeg(Admit.Exactly(span), [], [], null, null);
        }

        var there = routing.Legs(a, b, bc);
        var back = routing.Legs(b, a, ac);
        var def = BoxSet.Empty(Traffic.Space);
        var pos = BoxSet.Empty(Traffic.Space);
        foreach (var f in there)
        {
            foreach (var r in back)
            {
                if (f.Fate == Delivery.Dropped || r.Fate == Delivery.Dropped)
                {
                    continue;
                }

                var box = Traffic.Of(r.Part, f.Part, Range.All(255), Range.All(65535));
                pos = pos.Union(box);
                if (f.Fate == Delivery.Delivered && r.Fate == Delivery.Delivered)
                {
                    def = def.Union(box);
                }
            }
        }

        var routes = new Admit(def, pos);
        var aclA = Acl(a);
        var aclB = Acl(b);
        var acls = aclA.Outbound.And(aclB.Inbound).And(aclB.ReplyOut).And(aclA.ReplyIn);
        var why = there.Concat(back).FirstOrDefault(l => l.Fate != Delivery.Delivered)?.Why;
        var unknown = there.Concat(back).FirstOrDefault(l => l.Fate == Delivery.Maybe)?.Why;
        return new NetLeg(routes.And(acls).And(span), there, back, routes.IsEmpty ? why : null, unknown);
    }
}

/// <summary>
/// The network part of a subnet pair: what it admits, the route legs each way (for evidence), why
/// routing drops everything (when it does), and why some of it is unknown.
/// </summary>
internal sealed record NetLeg(Admit Admit, List<Leg> There, List<Leg> Back, string? RouteBlock, string? Unknown);
