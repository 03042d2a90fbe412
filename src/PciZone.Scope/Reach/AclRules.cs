using PciZone.Estate;
using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Reach;

/// <summary>
/// One network ACL compiled for both directions. Stateless: entries are tried in rule-number order and
/// the first match decides; what no entry allows is denied (the <c>*</c> rule). Replies are traffic too,
/// so the compiled ACL also says which forward traffic can get its replies back through it.
/// </summary>
internal sealed class AclRules
{
    private static readonly Range AnyAddress = Range.All(uint.MaxValue);

    public AclRules(NetworkAcl? acl, (int From, int To) ephemeral)
    {
        Acl = acl;
        if (acl is null)
        {
            // A subnet without an ACL in the estate uses the VPC's default ACL, which AWS creates allowing everything.
            Inbound = Outbound = ReplyIn = ReplyOut = Admit.All;
            return;
        }

        var entries = acl.Entries.Where(e => e.Ipv4Cidr.GetOrDefault() is not null || e.Ipv4Cidr.IsUnknown)
            .OrderBy(e => e.RuleNumber.GetOrDefault(int.MaxValue)).ToList();
        Inbound = Compile(entries.Where(e => !e.Egress), ingress: true);
        Outbound = Compile(entries.Where(e => e.Egress), ingress: false);
        var eph = Traffic.Of(AnyAddress, AnyAddress, Range.All(255), new Range((uint)ephemeral.From, (uint)ephemeral.To));

        // A reply to forward traffic a->b (protocol p) leaves b's subnet as b->a with an ephemeral
        // destination port: b's outbound ACL must pass it. It enters a's subnet the same way.
        ReplyOut = ReplyConstraint(Outbound, eph, remoteIsDestination: true);
        ReplyIn = ReplyConstraint(Inbound, eph, remoteIsDestination: false);
    }

    public NetworkAcl? Acl { get; }

    /// <summary>Traffic entering the subnet (remote address = source).</summary>
    public Admit Inbound { get; }

    /// <summary>Traffic leaving the subnet (remote address = destination).</summary>
    public Admit Outbound { get; }

    /// <summary>Forward traffic whose replies can enter this subnet (this subnet is the forward source).</summary>
    public Admit ReplyIn { get; }

    /// <summary>Forward traffic whose replies can leave this subnet (this subnet is the forward destination).</summary>
    public Admit ReplyOut { get; }

    private static Admit Compile(IEnumerable<NetworkAclEntry> entries, bool ingress)
    {
        var decided = BoxSet.Empty(Traffic.Space);
        var def = BoxSet.Empty(Traffic.Space);
        var pos = BoxSet.Empty(Traffic.Space);
        var certain = true;
        foreach (var e in entries)
        {
            var box = EntryTraffic(e, ingress, out var known);
            var action = e.Action.GetOrDefault();
            if (!known || e.Action.IsUnknown || e.RuleNumber.IsUnknown)
            {
                // From here on nothing is certain: the entry may allow or deny what it may match.
                certain = false;
                pos = pos.Union(box.Except(decided));
                continue;
            }

            var fresh = box.Except(decided);
            if (string.Equals(action, "allow", StringComparison.OrdinalIgnoreCase))
            {
                pos = pos.Union(fresh);
                if (certain)
                {
                    def = def.Union(fresh);
                }
            }

            decided = decided.Union(box);
        }

        return new Admit(def, pos);
    }

    /// <summary>The traffic an entry matches; when a part is unknown, everything it might match.</summary>
    public static BoxSet EntryTraffic(NetworkAclEntry e, bool ingress, out bool known)
    {
        known = e.Ipv4Cidr.IsKnown && e.Protocol.IsKnown;
        var remote = e.Ipv4Cidr.GetOrDefault() is { } c && Cidr.TryParse(c, out var r) ? r : AnyAddress;
        var protocol = e.Protocol.GetOrDefault(NetworkMath.AllProtocols)!;
        var from = 0;
        var to = 65535;
        if (protocol != NetworkMath.AllProtocols)
        {
            if (e.FromPort.TryGet(out var f) && e.ToPort.TryGet(out var t))
            {
                (from, to) = (Math.Max(0, f), t <= 0 && f <= 0 ? 65535 : t);
            }
            else
            {
                known = false;
            }
        }

        return ingress ? Traffic.Flow(remote, AnyAddress, protocol, from, to) : Traffic.Flow(AnyAddress, remote, protocol, from, to);
    }

    private static Admit ReplyConstraint(Admit direction, BoxSet ephemeral, bool remoteIsDestination) =>
        new(Replies.AllPorts(direction.Definite, ephemeral, remoteIsDestination),
            Replies.AnyPort(direction.Possible, ephemeral, remoteIsDestination));
}
