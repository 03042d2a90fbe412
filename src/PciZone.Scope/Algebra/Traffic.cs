using System.Globalization;

namespace PciZone.Scope.Algebra;

/// <summary>
/// The traffic space of the reachability engine: dimension 0 is the source IPv4 address, 1 the destination
/// IPv4 address, 2 the IP protocol number and 3 the destination port. Ports mean something only for TCP and
/// UDP; for every other protocol the port dimension of a set built here is always full (ICMP type and code
/// are not modelled), so a set never distinguishes ports where the network does not.
/// </summary>
public static class Traffic
{
    /// <summary>Dimension of the source address.</summary>
    public const int SourceDimension = 0;

    /// <summary>Dimension of the destination address.</summary>
    public const int DestinationDimension = 1;

    /// <summary>Dimension of the IP protocol number.</summary>
    public const int ProtocolDimension = 2;

    /// <summary>Dimension of the destination port.</summary>
    public const int PortDimension = 3;

    /// <summary>IP protocol number of ICMP.</summary>
    public const uint Icmp = 1;

    /// <summary>IP protocol number of TCP.</summary>
    public const uint Tcp = 6;

    /// <summary>IP protocol number of UDP.</summary>
    public const uint Udp = 17;

    /// <summary>IP protocol number of ICMPv6.</summary>
    public const uint Icmpv6 = 58;

    /// <summary>Source x destination x protocol x destination port.</summary>
    public static Space Space { get; } = new(uint.MaxValue, uint.MaxValue, 255, 65535);

    /// <summary>Every IPv4 address, 0.0.0.0/0.</summary>
    public static Range AnyAddress { get; } = Range.All(uint.MaxValue);

    /// <summary>Every protocol number, 0-255.</summary>
    public static Range AnyProtocol { get; } = Range.All(255);

    /// <summary>Every port, 0-65535.</summary>
    public static Range AnyPort { get; } = Range.All(65535);

    /// <summary>
    /// The protocol numbers a normalised protocol text names: <c>-1</c> (all), <c>tcp</c>, <c>udp</c>,
    /// <c>icmp</c>, <c>icmpv6</c> (any case), or a decimal protocol number 0-255.
    /// </summary>
    /// <exception cref="FormatException">Anything else; the message quotes the text.</exception>
    public static Range Protocol(string normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        switch (normalised.ToLowerInvariant())
        {
            case "-1": return AnyProtocol;
            case "tcp": return Range.Single(Tcp);
            case "udp": return Range.Single(Udp);
            case "icmp": return Range.Single(Icmp);
            case "icmpv6": return Range.Single(Icmpv6);
        }

        return uint.TryParse(normalised, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 255
            ? Range.Single(number)
            : throw new FormatException($"'{normalised}' is not an IP protocol (-1, tcp, udp, icmp, icmpv6 or 0-255).");
    }

    /// <summary>The destination ports <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A port outside 0-65535, or <paramref name="from"/> above <paramref name="to"/>.</exception>
    public static Range Ports(int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, 65535);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        return new Range((uint)from, (uint)to);
    }

    /// <summary>
    /// One box of traffic, taken literally. Prefer <see cref="Flow"/>, which applies ports to TCP and UDP only;
    /// use this for sets that constrain ports of all protocols on purpose (e.g. an ephemeral-port filter).
    /// </summary>
    public static BoxSet Of(Range src, Range dst, Range protocol, Range ports) =>
        BoxSet.Box(Space, [src, dst, protocol, ports]);

    /// <summary>
    /// The traffic a rule admits: from <paramref name="src"/> to <paramref name="dst"/> with the protocol text
    /// of <see cref="Protocol"/>. Ports <paramref name="fromPort"/>-<paramref name="toPort"/> apply to TCP and
    /// UDP only; every other protocol, and <c>-1</c> (all protocols), matches every port. For TCP and UDP a
    /// port pair of <c>-1, -1</c> means every port.
    /// </summary>
    /// <exception cref="FormatException">The protocol text is not a protocol.</exception>
    /// <exception cref="ArgumentOutOfRangeException">TCP or UDP with ports outside 0-65535 or reversed.</exception>
    public static BoxSet Flow(Range src, Range dst, string protocol, int fromPort, int toPort)
    {
        var p = Protocol(protocol);
        if (p.Lo != p.Hi || !HasPorts(p.Lo))
        {
            return Of(src, dst, p, AnyPort);
        }

        var ports = fromPort == -1 && toPort == -1 ? AnyPort : Ports(fromPort, toPort);
        return Of(src, dst, p, ports);
    }

    /// <summary>True for the protocols whose destination port the network looks at (TCP and UDP).</summary>
    public static bool HasPorts(uint protocol) => protocol is Tcp or Udp;

    /// <summary>
    /// The replies to <paramref name="forward"/> traffic: source and destination swapped, and for TCP and UDP
    /// the destination port replaced by <paramref name="ephemeralPorts"/> (the forward source's ephemeral
    /// ports). Other protocols keep every port.
    /// </summary>
    public static BoxSet Reverse(BoxSet forward, Range ephemeralPorts)
    {
        ArgumentNullException.ThrowIfNull(forward);
        var reply = BoxSet.Empty(Space);
        foreach (var box in forward.Boxes)
        {
            var p = box[ProtocolDimension];
            AddReply(ref reply, box, p, new Range(0, Tcp - 1), AnyPort);
            AddReply(ref reply, box, p, Range.Single(Tcp), ephemeralPorts);
            AddReply(ref reply, box, p, new Range(Tcp + 1, Udp - 1), AnyPort);
            AddReply(ref reply, box, p, Range.Single(Udp), ephemeralPorts);
            AddReply(ref reply, box, p, new Range(Udp + 1, 255), AnyPort);
        }

        return reply;
    }

    /// <summary>
    /// The protocols and ports of a traffic set, addresses ignored: <c>tcp/443</c>,
    /// <c>tcp/1024-65535, udp/53</c>, <c>icmp</c>, <c>all</c>, <c>all except tcp/22</c>, <c>none</c>.
    /// All ports of TCP or UDP are written <c>tcp/0-65535</c>; other protocols by name or as <c>proto/50</c>.
    /// </summary>
    public static string Describe(BoxSet traffic) => TrafficText.Describe(traffic);

    /// <summary>The fewest CIDR blocks covering the range, joined by <c>", "</c>: <c>10.0.0.0/16</c>.</summary>
    public static string DescribeAddresses(Range addresses) => string.Join(", ", Cidr.Blocks(addresses));

    /// <summary>
    /// The addresses a traffic set takes in one dimension (<see cref="SourceDimension"/> or
    /// <see cref="DestinationDimension"/>), as CIDR blocks: <c>10.0.0.0/24, 10.0.1.5/32</c>.
    /// </summary>
    public static string DescribeAddresses(BoxSet traffic, int dimension)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        return Cidr.Describe(traffic.Project(dimension));
    }

    private static void AddReply(ref BoxSet reply, Box box, Range protocols, Range part, Range ports)
    {
        if (protocols.Overlaps(part))
        {
            var p = new Range(Math.Max(protocols.Lo, part.Lo), Math.Min(protocols.Hi, part.Hi));
            reply = reply.Union(Of(box[DestinationDimension], box[SourceDimension], p, ports));
        }
    }
}
