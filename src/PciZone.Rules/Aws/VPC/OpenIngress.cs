using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

/// <summary>
/// Three-valued questions about security-group rules (true, false, or null when the plan leaves a
/// part of the rule unknown) and the common verdict over a group's rules.
/// </summary>
internal static class OpenIngress
{
    /// <summary>Remote administration ports: SSH and RDP.</summary>
    public static readonly int[] AdminPorts = [22, 3389];

    /// <summary>
    /// TCP ports of services that must never face the internet: FTP, Telnet, RPC, NetBIOS, LDAP, SMB,
    /// MSSQL, Oracle, MySQL, PostgreSQL, Kibana, VNC, Redis, Cassandra, Elasticsearch, Kafka, Memcached
    /// and MongoDB (the AWS Config restricted-common-ports defaults and Prowler's list).
    /// </summary>
    public static readonly int[] HighRiskPorts =
        [20, 21, 23, 135, 139, 389, 445, 1433, 1434, 1521, 2483, 2484, 3306, 5432, 5601, 5900, 6379, 7199, 9042, 9092, 9160, 9200, 9300, 11211, 27017, 27018];

    /// <summary>True when the rule's peer is the whole IPv4 or IPv6 internet.</summary>
    public static bool? FromInternet(SecurityGroupRule r)
    {
        if (AnyAddress(r.Ipv4Cidrs) || AnyAddress(r.Ipv6Cidrs))
        {
            return true;
        }

        return r.Ipv4Cidrs.IsKnown && r.Ipv6Cidrs.IsKnown ? false : null;
    }

    /// <summary>True when the rule admits TCP to <paramref name="port"/> (directly, by a range, or by protocol -1).</summary>
    public static bool? CoversTcpPort(SecurityGroupRule r, int port)
    {
        if (!r.Protocol.TryGet(out var protocol))
        {
            return null;
        }

        if (!NetworkMath.CarriesTcp(protocol))
        {
            return false;
        }

        return protocol == NetworkMath.AllProtocols || (r.FromPort.IsKnown && r.ToPort.IsKnown)
            ? r.CoversPort(port)
            : null;
    }

    /// <summary>True when the rule admits anything beyond TCP/UDP on the <paramref name="allowed"/> ports.</summary>
    public static bool? ReachesBeyond(SecurityGroupRule r, IReadOnlyCollection<int> allowed)
    {
        if (!r.Protocol.TryGet(out var protocol))
        {
            return null;
        }

        if (protocol is not ("tcp" or "udp"))
        {
            return true;
        }

        if (!r.FromPort.TryGet(out var from) || !r.ToPort.TryGet(out var to))
        {
            return null;
        }

        return to - from + 1 > allowed.Count(p => NetworkMath.InRange(p, from, to));
    }

    /// <summary>Three-valued AND.</summary>
    public static bool? And(bool? a, bool? b) => a == false || b == false ? false : a == true && b == true ? true : null;

    /// <summary>
    /// Fails on the first rule that <paramref name="offends"/>; Unknown when some rule cannot be
    /// judged or the group has rules the reader could not resolve; else passes.
    /// </summary>
    public static Outcome Judge(SecurityGroup group, IReadOnlyList<SecurityGroupRule> rules, Func<SecurityGroupRule, bool?> offends, string fault, string pass)
    {
        var verdicts = rules.Select(r => (Rule: r, Verdict: offends(r))).ToList();
        if (verdicts.FirstOrDefault(v => v.Verdict == true).Rule is { } bad)
        {
            return Outcome.Fail($"Rule {Describe(bad)} {fault}.", bad.Source);
        }

        if (verdicts.FirstOrDefault(v => v.Verdict is null).Rule is { } unclear)
        {
            return Outcome.Unknown($"Rule {Describe(unclear)} is not known until apply; cannot tell whether it {fault}.", unclear.Source);
        }

        return group.HasUnknownRules
            ? Outcome.Unknown($"The group has rules that could not be read; cannot tell whether one {fault}.")
            : Outcome.Pass(pass);
    }

    /// <summary>"tcp 0-65535 from 0.0.0.0/0" for messages.</summary>
    public static string Describe(SecurityGroupRule r)
    {
        var protocol = r.Protocol.GetOrDefault("?");
        var ports = protocol == NetworkMath.AllProtocols ? "all traffic" : $"{protocol} {r.FromPort.GetOrDefault()}-{r.ToPort.GetOrDefault()}";
        var peers = r.Ipv4Cidrs.GetOrDefault([])!.Concat(r.Ipv6Cidrs.GetOrDefault([])!).ToList();
        return peers.Count == 0 ? ports : $"{ports} with {string.Join(", ", peers)}";
    }

    private static bool AnyAddress(Value<IReadOnlyList<string>> cidrs) =>
        cidrs.IsKnown && cidrs.Get().Any(NetworkMath.IsAnyAddress);
}
