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
    private readonly Dictionary<int, NetLeg?[]> _cache = [];
    private readonly Dictionary<object, AclRules> _acls = new(ReferenceEqualityComparer.Instance);
    private static readonly object NoAcl = new();
    private readonly Dictionary<(object, object), Admit> _aclPairs = [];

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

    /// <summary>
    /// Both ACLs a subnet pair crosses, both ways, for any addresses; one per pair of ACLs, since most
    /// subnets of a VPC share an ACL.
    /// </summary>
    private Admit AclPair(SubnetNode a, SubnetNode b)
    {
        var key = ((object?)a.Acl ?? NoAcl, (object?)b.Acl ?? NoAcl);
        if (!_aclPairs.TryGetValue(key, out var admit))
        {
            var aclA = Acl(a);
            var aclB = Acl(b);
            admit = aclA.Outbound.And(aclB.Inbound).And(aclB.ReplyOut).And(aclA.ReplyIn);
            _aclPairs[key] = admit;
        }

        return admit;
    }

    public NetLeg Between(SubnetNode a, SubnetNode b)
    {
        // One row per source subnet, indexed by destination: the all-pairs loop asks millions of times.
        if (!_cache.TryGetValue(a.Index, out var row))
        {
            _cache[a.Index] = row = new NetLeg?[routing.SubnetCount];
        }

        return row[b.Index] ??= Compute(a, b);
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
            return new NetLeg(Admit.Exactly(span), [], [], null, null) { Plane = Plane.Full };
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

        var routes = new Admit(def, pos).And(span);
        var acls = AclPair(a, b);
        var why = there.Concat(back).FirstOrDefault(l => l.Fate != Delivery.Delivered)?.Why;
        var unknown = there.Concat(back).FirstOrDefault(l => l.Fate == Delivery.Maybe)?.Why;
        var admit = routes.IsEmpty ? routes : routes.And(acls);
        return new NetLeg(admit, there, back, routes.IsEmpty ? why : null, unknown) { Plane = UniformPlane(admit, ac, bc) };
    }

    /// <summary>
    /// The network's protocols and ports when they are the same for every address pair of the two
    /// subnets and nothing is unknown; else null.
    /// </summary>
    private static BoxSet? UniformPlane(Admit admit, Range src, Range dst)
    {
        if (!admit.Definite.SetEquals(admit.Possible))
        {
            return null;
        }

        foreach (var box in admit.Definite.Boxes)
        {
            if (box[0] != src || box[1] != dst)
            {
                return null;
            }
        }

        return Plane.Of(admit.Definite);
    }
}

/// <summary>
/// The network part of a subnet pair: what it admits, the route legs each way (for evidence), why
/// routing drops everything (when it does), and why some of it is unknown.
/// </summary>
internal sealed record NetLeg(Admit Admit, List<Leg> There, List<Leg> Back, string? RouteBlock, string? Unknown)
{
    /// <summary>The protocols and ports between any two addresses of the subnets, when uniform and known.</summary>
    public BoxSet? Plane { get; init; }
}
