using PciZone.Estate;
using PciZone.Scope.Algebra;
using PciZone.Scope.Model;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Reach;

/// <summary>
/// The security groups of one attachment, compiled once: the address-based part of each direction
/// as a traffic set, and the group-reference rules as (group, protocols and ports) for the per-pair
/// membership test. Stateful: replies need nothing.
/// </summary>
internal sealed class GroupRules
{
    private static readonly Range AnyAddress = Range.All(uint.MaxValue);

    private GroupRules(Admit cidrPart, List<(SecurityGroup Group, BoxSet Traffic, SecurityGroupRule Rule)> refs, bool unknownRefs)
    {
        CidrPart = cidrPart;
        Refs = refs;
        UnknownRefs = unknownRefs;
    }

    /// <summary>Traffic admitted by address (CIDR and prefix-list) rules, the remote address in the remote dimension.</summary>
    public Admit CidrPart { get; }

    /// <summary>Rules that admit members of a group (self rules name their own group).</summary>
    public List<(SecurityGroup Group, BoxSet Traffic, SecurityGroupRule Rule)> Refs { get; }

    /// <summary>A reference rule whose group is not known: it may admit anyone.</summary>
    public bool UnknownRefs { get; }

    /// <summary>Compiles the ingress (remote = source) or egress (remote = destination) rules of an attachment.</summary>
    public static GroupRules Compile(Attachment a, bool ingress, Network network)
    {
        if (!a.Filtered)
        {
            return new GroupRules(Admit.All, [], false);
        }

        if (a.GroupsUnknown)
        {
            return new GroupRules(Admit.Unknown, [], true);
        }

        var def = BoxSet.Empty(Traffic.Space);
        var pos = BoxSet.Empty(Traffic.Space);
        var refs = new List<(SecurityGroup, BoxSet, SecurityGroupRule)>();
        var unknownRefs = false;
        foreach (var g in a.Groups)
        {
            if (g.HasUnknownRules)
            {
                pos = BoxSet.Full(Traffic.Space);
            }

            foreach (var rule in ingress ? g.Ingress : g.Egress)
            {
                if (!TryTraffic(rule, AnyAddress, AnyAddress, out var any))
                {
                    pos = pos.Union(BoxSet.Full(Traffic.Space));
                    continue;
                }

                var remotes = RemoteRanges(rule, network, out var uncertain);
                foreach (var remote in remotes)
                {
                    var t = ingress ? Flow(rule, remote, AnyAddress) : Flow(rule, AnyAddress, remote);
                    def = def.Union(t);
                    pos = pos.Union(t);
                }

                if (uncertain)
                {
                    pos = pos.Union(any);
                }

                if (rule.SourceGroups.IsUnknown)
                {
                    unknownRefs = true;
                    pos = pos.Union(any);
                }

                foreach (var r in rule.SourceGroups.GetOrDefault() ?? [])
                {
                    if (r.Address is not null && network.Groups.TryGetValue(r.Address, out var target))
                    {
                        refs.Add((target, any, rule));
                    }
                }

                if (rule.Self)
                {
                    refs.Add((g, any, rule));
                }
            }
        }

        return new GroupRules(new Admit(def, pos), refs, unknownRefs);
    }

    /// <summary>Address blocks a rule names directly or through customer-managed prefix lists.</summary>
    public static List<Range> RemoteRanges(SecurityGroupRule rule, Network network, out bool uncertain)
    {
        uncertain = rule.Ipv4Cidrs.IsUnknown || rule.PrefixLists.IsUnknown;
        var result = new List<Range>();
        foreach (var c in rule.Ipv4Cidrs.GetOrDefault() ?? [])
        {
            if (Cidr.TryParse(c, out var r))
            {
                result.Add(r);
            }
        }

        foreach (var pl in rule.PrefixLists.GetOrDefault() ?? [])
        {
            if (network.PrefixLists.TryGetValue(pl, out var list) && list.Cidrs.TryGet(out var cidrs))
            {
                foreach (var c in cidrs)
                {
                    if (Cidr.TryParse(c, out var r))
                    {
                        result.Add(r);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The rule's protocols and ports between two address blocks; false when they are not known.</summary>
    public static bool TryTraffic(SecurityGroupRule rule, Range src, Range dst, out BoxSet traffic)
    {
        traffic = BoxSet.Empty(Traffic.Space);
        if (!rule.Protocol.TryGet(out var protocol))
        {
            return false;
        }

        if (protocol == NetworkMath.AllProtocols)
        {
            traffic = Traffic.Flow(src, dst, protocol, 0, 65535);
            return true;
        }

        if (!rule.FromPort.TryGet(out var from) || !rule.ToPort.TryGet(out var to))
        {
            return false;
        }

        traffic = Traffic.Flow(src, dst, protocol, Math.Max(0, from), to < 0 ? 65535 : to);
        return true;
    }

    private static BoxSet Flow(SecurityGroupRule rule, Range src, Range dst) =>
        TryTraffic(rule, src, dst, out var t) ? t : BoxSet.Empty(Traffic.Space);
}
