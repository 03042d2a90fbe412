namespace PciZone.Scope.Algebra;

/// <summary>Short text for the protocols and ports of a traffic set (see <see cref="Traffic.Describe"/>).</summary>
internal static class TrafficText
{
    private const int P = Traffic.ProtocolDimension;
    private const int Q = Traffic.PortDimension;

    public static string Describe(BoxSet traffic)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        if (!traffic.Space.Equals(Traffic.Space))
        {
            throw new ArgumentException($"Only sets of the traffic space can be described; got {traffic.Space}.", nameof(traffic));
        }

        if (traffic.IsEmpty)
        {
            return "none";
        }

        var segments = Segments(traffic);
        var parts = Parts(segments, complement: false);
        var rest = Parts(segments, complement: true);
        if (rest.Count == 0)
        {
            return "all";
        }

        return rest.Count < parts.Count ? "all except " + string.Join(", ", rest) : string.Join(", ", parts);
    }

    /// <summary>
    /// Cuts the protocol axis where any box starts or ends and around every named protocol, so each segment is
    /// either wholly in or out of every box. Ports are kept for TCP and UDP only.
    /// </summary>
    private static List<Segment> Segments(BoxSet traffic)
    {
        var cuts = new List<uint> { 0, 256, Traffic.Icmp, Traffic.Icmp + 1, Traffic.Tcp, Traffic.Tcp + 1, Traffic.Udp, Traffic.Udp + 1, Traffic.Icmpv6, Traffic.Icmpv6 + 1 };
        foreach (var box in traffic.Boxes)
        {
            cuts.Add(box[P].Lo);
            cuts.Add(box[P].Hi + 1);
        }

        cuts.Sort();
        var segments = new List<Segment>();
        for (var k = 0; k + 1 < cuts.Count; k++)
        {
            if (cuts[k] == cuts[k + 1])
            {
                continue;
            }

            var protocols = new Range(cuts[k], cuts[k + 1] - 1);
            var ports = new List<Range>();
            foreach (var box in traffic.Boxes)
            {
                if (box[P].Contains(protocols))
                {
                    ports.Add(box[Q]);
                }
            }

            var hasPorts = protocols.Lo == protocols.Hi && Traffic.HasPorts(protocols.Lo);
            segments.Add(new Segment(protocols, hasPorts, hasPorts ? RangeList.Normalise([.. ports]) : [], ports.Count > 0));
        }

        return segments;
    }

    private static List<string> Parts(List<Segment> segments, bool complement)
    {
        var parts = new List<string>();
        Range? run = null; // consecutive unnamed protocols, written as one proto/a-b
        foreach (var s in segments)
        {
            var ports = s.HasPorts && complement ? RangeList.Complement(s.Ports, 65535) : s.Ports;
            var included = s.HasPorts ? ports.Length > 0 : s.Any != complement;
            var named = s.HasPorts || (s.Protocols.Lo == s.Protocols.Hi && Name(s.Protocols.Lo) is not null);
            if (included && !named)
            {
                run = run is { } r ? new Range(r.Lo, s.Protocols.Hi) : s.Protocols;
                continue;
            }

            Flush(parts, ref run);
            if (!included)
            {
                continue;
            }

            var name = Name(s.Protocols.Lo)!;
            if (!s.HasPorts)
            {
                parts.Add(name);
                continue;
            }

            foreach (var p in ports)
            {
                parts.Add($"{name}/{p}");
            }
        }

        Flush(parts, ref run);
        return parts;
    }

    private static void Flush(List<string> parts, ref Range? run)
    {
        if (run is { } r)
        {
            parts.Add("proto/" + r);
            run = null;
        }
    }

    private static string? Name(uint protocol) => protocol switch
    {
        Traffic.Icmp => "icmp",
        Traffic.Tcp => "tcp",
        Traffic.Udp => "udp",
        Traffic.Icmpv6 => "icmpv6",
        _ => null,
    };

    /// <param name="Protocols">Protocol numbers of the segment.</param>
    /// <param name="HasPorts">TCP or UDP.</param>
    /// <param name="Ports">For TCP and UDP: the normalised ports the set holds.</param>
    /// <param name="Any">Some box covers the segment.</param>
    private sealed record Segment(Range Protocols, bool HasPorts, Range[] Ports, bool Any);
}
