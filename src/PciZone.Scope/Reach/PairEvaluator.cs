using PciZone.Scope.Algebra;
using PciZone.Scope.Model;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Reach;

/// <summary>
/// Traffic from one attachment to another: the source's security-group egress, the network between
/// their subnets (routes both ways, ACLs both ways), the destination's security-group ingress and
/// the ports it listens on. Group rules are compiled once per attachment.
/// </summary>
internal sealed class PairEvaluator(Network network, SubnetPaths paths)
{
    private readonly Dictionary<Attachment, GroupRules> _in = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Attachment, GroupRules> _out = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Attachment, PlaneRules> _inPlane = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Attachment, PlaneRules> _outPlane = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SystemNode, BoxSet> _listens = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(BoxSet, BoxSet, BoxSet, BoxSet?), BoxSet> _combined = [];

    public SubnetPaths Paths => paths;

    public GroupRules Ingress(Attachment a) => Rules(_in, a, true);

    public GroupRules Egress(Attachment a) => Rules(_out, a, false);

    /// <summary>
    /// The fast path: between two interfaces with known addresses and nothing unknown on the way, the
    /// protocols and ports that get through, in the plane. Null when the 4-dimensional path must decide.
    /// </summary>
    public BoxSet? EvaluatePlane(Attachment a, Attachment b)
    {
        if (!a.ExactAddress || !b.ExactAddress || a.GroupsUnknown || b.GroupsUnknown)
        {
            return null;
        }

        var ing = Plane(_inPlane, b, true);
        if (!ing.Exact)
        {
            return null;
        }

        var pp = ing.For(a);
        if (pp is null || pp.IsEmpty)
        {
            return pp;
        }

        var eg = Plane(_outPlane, a, false);
        var egp = eg.Exact ? eg.For(b) : null;
        if (egp is null)
        {
            return null;
        }

        BoxSet? listens = null;
        if (b.System.Listens is { } l4 && !_listens.TryGetValue(b.System, out listens))
        {
            _listens[b.System] = listens = Reach.Plane.Of(l4);
        }

        if (paths.Between(a.Subnet, b.Subnet).Plane is not { } net)
        {
            return null;
        }

        // The planes come from a few compiled rules, so the same combination recurs across thousands
        // of pairs: intersect each combination once.
        var key = (pp, egp, net, listens);
        if (!_combined.TryGetValue(key, out var result))
        {
            result = pp.Intersect(egp).Intersect(net);
            if (listens is not null)
            {
                result = result.Intersect(listens);
            }

            _combined[key] = result;
        }

        return result;
    }

    /// <summary>The traffic from <paramref name="a"/> to <paramref name="b"/> (addresses restricted to theirs).</summary>
    public Admit Evaluate(Attachment a, Attachment b)
    {
        var span = Traffic.Of(a.Address, b.Address, Range.All(255), Range.All(65535));
        var result = GroupPart(Ingress(b), a).And(span);
        if (result.IsEmpty)
        {
            return result;
        }

        result = result.And(GroupPart(Egress(a), b));
        if (result.IsEmpty)
        {
            return result;
        }

        if (b.System.Listens is { } listens)
        {
            result = result.And(listens);
        }

        return result.IsEmpty ? result : result.And(paths.Between(a.Subnet, b.Subnet).Admit);
    }

    /// <summary>What compiled group rules admit to or from one remote attachment.</summary>
    public static Admit GroupPart(GroupRules rules, Attachment remote)
    {
        var admit = rules.CidrPart;
        foreach (var (group, traffic, _) in rules.Refs)
        {
            if (remote.HasGroup(group))
            {
                admit = admit.Or(Admit.Exactly(traffic));
            }
            else if (remote.GroupsUnknown)
            {
                admit = admit.Or(new Admit(BoxSet.Empty(Traffic.Space), traffic));
            }
        }

        return admit;
    }

    private PlaneRules Plane(Dictionary<Attachment, PlaneRules> cache, Attachment a, bool ingress)
    {
        if (!cache.TryGetValue(a, out var r))
        {
            r = PlaneRules.Compile(ingress ? Ingress(a) : Egress(a), ingress);
            cache[a] = r;
        }

        return r;
    }

    private GroupRules Rules(Dictionary<Attachment, GroupRules> cache, Attachment a, bool ingress)
    {
        if (!cache.TryGetValue(a, out var r))
        {
            r = GroupRules.Compile(a, ingress, network);
            cache[a] = r;
        }

        return r;
    }
}
