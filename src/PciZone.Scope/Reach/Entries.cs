using System.Globalization;
using PciZone.Estate;
using PciZone.Scope.Algebra;
using PciZone.Scope.Model;
using PciZone.Scope.Result;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Reach;

/// <summary>The entries of groups and ACLs that admit (or drop) some traffic, as evidence hops.</summary>
internal static class Entries
{
    private static readonly Range AnyAddress = Range.All(uint.MaxValue);

    /// <summary>Security-group rules of <paramref name="a"/> that admit part of <paramref name="traffic"/> to or from <paramref name="remote"/>.</summary>
    public static IEnumerable<Hop> GroupHops(Attachment a, Attachment? remote, BoxSet traffic, bool ingress, Network network)
    {
        var kind = ingress ? "sg-ingress" : "sg-egress";
        if (!a.Filtered)
        {
            yield break;
        }

        foreach (var g in a.Groups)
        {
            foreach (var rule in ingress ? g.Ingress : g.Egress)
            {
                if (!GroupRules.TryTraffic(rule, AnyAddress, AnyAddress, out var any))
                {
                    continue;
                }

                var matches = false;
                foreach (var r in GroupRules.RemoteRanges(rule, network, out _))
                {
                    var box = ingress ? Traffic.Flow(r, AnyAddress, "-1", 0, 65535) : Traffic.Flow(AnyAddress, r, "-1", 0, 65535);
                    matches |= box.Intersect(any).Overlaps(traffic);
                }

                if (remote is not null)
                {
                    matches |= (rule.Self && remote.HasGroup(g) || (rule.SourceGroups.GetOrDefault() ?? []).Any(s => remote.Groups.Any(x => x.Address == s.Address)))
                               && any.Overlaps(traffic);
                }

                if (matches)
                {
                    yield return new Hop(kind, g.Address, Describe(rule, ingress), rule.Source);
                }
            }
        }
    }

    /// <summary>ACL entries that allow part of the traffic (forward or reply), in rule order; the first entry that decides.</summary>
    public static IEnumerable<Hop> AclHops(NetworkAcl? acl, BoxSet traffic, bool ingress, string kind)
    {
        if (acl is null)
        {
            yield break;
        }

        foreach (var e in acl.Entries.Where(e => e.Egress != ingress).OrderBy(e => e.RuleNumber.GetOrDefault(int.MaxValue)))
        {
            var box = AclRules.EntryTraffic(e, ingress, out _);
            if (box.Overlaps(traffic))
            {
                yield return new Hop(kind, acl.Address, Describe(e), e.Source);
                yield break;
            }
        }
    }

    /// <summary>The entry that drops the traffic: the first deny it meets, else the final <c>*</c> rule.</summary>
    public static Hop AclBlock(NetworkAcl acl, BoxSet traffic, bool ingress, string kind)
    {
        foreach (var e in acl.Entries.Where(e => e.Egress != ingress).OrderBy(e => e.RuleNumber.GetOrDefault(int.MaxValue)))
        {
            var box = AclRules.EntryTraffic(e, ingress, out _);
            if (box.Overlaps(traffic) && !string.Equals(e.Action.GetOrDefault(), "allow", StringComparison.OrdinalIgnoreCase))
            {
                return new Hop(kind, acl.Address, Describe(e), e.Source);
            }
        }

        return new Hop(kind, acl.Address, $"rule * deny: no entry allows {Traffic.Describe(traffic)}", acl.Provenance);
    }

    public static string Describe(SecurityGroupRule r, bool ingress)
    {
        var proto = r.Protocol.GetOrDefault("?")!;
        var ports = proto == NetworkMath.AllProtocols ? "all" : $"{proto}/{Ports(r.FromPort, r.ToPort)}";
        var remotes = new List<string>();
        remotes.AddRange(r.Ipv4Cidrs.GetOrDefault() ?? []);
        remotes.AddRange(r.PrefixLists.GetOrDefault() ?? []);
        remotes.AddRange((r.SourceGroups.GetOrDefault() ?? []).Select(s => s.ToString()));
        if (r.Self)
        {
            remotes.Add("self");
        }

        return $"{(ingress ? "ingress" : "egress")} {ports} {(ingress ? "from" : "to")} {string.Join(", ", remotes)}";
    }

    public static string Describe(NetworkAclEntry e)
    {
        var proto = e.Protocol.GetOrDefault("?")!;
        var ports = proto == NetworkMath.AllProtocols ? "all" : $"{proto}/{Ports(e.FromPort, e.ToPort)}";
        var n = e.RuleNumber.TryGet(out var num) ? num.ToString(CultureInfo.InvariantCulture) : "?";
        return $"rule {n} {e.Action.GetOrDefault("?")} {ports} {(e.Egress ? "to" : "from")} {e.Ipv4Cidr.GetOrDefault() ?? "?"}";
    }

    private static string Ports(Value<int> from, Value<int> to) =>
        from.TryGet(out var f) && to.TryGet(out var t) ? f == t ? f.ToString(CultureInfo.InvariantCulture) : $"{f}-{t}" : "?";
}
