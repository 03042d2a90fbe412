using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

/// <summary>
/// Evaluates a network ACL the way EC2 does: ingress entries in rule-number order, the first entry
/// that matches a packet decides, and the implicit final rule denies.
/// </summary>
internal static class NaclIngress
{
    /// <summary>
    /// For TCP traffic from anywhere in the internet of one family to <paramref name="port"/>: the
    /// deciding entry when it allows (true), false when denied, null when an earlier entry is unknown.
    /// Only entries whose source is the whole family (0.0.0.0/0, ::/0) are considered: a narrower
    /// allow does not open the port to the internet, and a narrower deny does not close it.
    /// </summary>
    public static (bool? Allowed, NetworkAclEntry? Entry) InternetReaches(NetworkAcl acl, int port, bool ipv6)
    {
        var ingress = acl.Entries.Where(e => !e.Egress).ToList();
        if (ingress.Any(e => e.RuleNumber.IsUnknown))
        {
            return (null, ingress.First(e => e.RuleNumber.IsUnknown));
        }

        foreach (var entry in ingress.OrderBy(e => e.RuleNumber.Get()))
        {
            var cidr = ipv6 ? entry.Ipv6Cidr : entry.Ipv4Cidr;
            var matches = OpenIngress.And(
                cidr.IsKnown ? NetworkMath.IsAnyAddress(cidr.Get()) : null,
                Covers(entry, port));
            if (matches is null)
            {
                return (null, entry);
            }

            if (matches == true)
            {
                return entry.Action.TryGet(out var action) ? (action == "allow", entry) : (null, entry);
            }
        }

        return (false, null);
    }

    private static bool? Covers(NetworkAclEntry e, int port)
    {
        if (!e.Protocol.TryGet(out var protocol))
        {
            return null;
        }

        if (!NetworkMath.CarriesTcp(protocol))
        {
            return false;
        }

        if (protocol == NetworkMath.AllProtocols)
        {
            return true;
        }

        return e.FromPort.TryGet(out var from) && e.ToPort.TryGet(out var to) ? NetworkMath.InRange(port, from, to) : null;
    }
}
