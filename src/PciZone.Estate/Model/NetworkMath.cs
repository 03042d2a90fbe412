using System.Globalization;

namespace PciZone.Estate;

/// <summary>
/// Small, format-neutral facts about addresses, ports and protocols that readers and rules share, so
/// that "open to the internet" and "all protocols" mean the same thing everywhere.
/// </summary>
public static class NetworkMath
{
    /// <summary>The protocol token meaning every IP protocol.</summary>
    public const string AllProtocols = "-1";

    /// <summary>
    /// True when the CIDR covers every address of its family (prefix length 0: <c>0.0.0.0/0</c>,
    /// <c>::/0</c>), which is how security groups and NACLs say "the internet".
    /// </summary>
    public static bool IsAnyAddress(string? cidr)
    {
        if (string.IsNullOrWhiteSpace(cidr))
        {
            return false;
        }

        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 &&
               int.TryParse(cidr.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) &&
               prefix == 0;
    }

    /// <summary>
    /// Normalises an IP protocol as written by Terraform, CloudFormation or the EC2 API: <c>-1</c> and
    /// <c>all</c> become <c>-1</c>; the numbers 6, 17, 1 and 58 become <c>tcp</c>, <c>udp</c>,
    /// <c>icmp</c> and <c>icmpv6</c>; names are lower-cased; other numbers stay as written.
    /// </summary>
    public static string NormaliseProtocol(string protocol) =>
        protocol.Trim().ToLowerInvariant() switch
        {
            "-1" or "all" => AllProtocols,
            "6" => "tcp",
            "17" => "udp",
            "1" => "icmp",
            "58" => "icmpv6",
            var other => other,
        };

    /// <summary>True for protocols that carry ports (TCP, UDP) or every protocol.</summary>
    public static bool CarriesTcp(string protocol) => protocol is AllProtocols or "tcp";

    /// <summary>True when the inclusive range <paramref name="from"/>..<paramref name="to"/> contains <paramref name="port"/>.</summary>
    public static bool InRange(int port, int from, int to) => from <= port && port <= to;
}
