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

    public SubnetPaths Paths => paths;

    public GroupRules Ingress(Attachment a) => Rules(_in, a, true);

    public GroupRules Egress(Attachment a) => Rules(_out, a, false);

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
