using System.Globalization;
using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Classify;

/// <summary>Parses traffic as users write it: <c>all</c>, <c>tcp/443</c>, <c>tcp/1024-65535, udp/53</c>, <c>icmp</c>.</summary>
internal static class TrafficSpec
{
    private static readonly Range AnyAddress = Range.All(uint.MaxValue);

    public static BoxSet Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return BoxSet.Full(Traffic.Space);
        }

        var set = BoxSet.Empty(Traffic.Space);
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var slash = raw.IndexOf('/', StringComparison.Ordinal);
            var proto = (slash < 0 ? raw : raw[..slash]).ToLowerInvariant();
            if (proto is not ("tcp" or "udp" or "icmp" or "icmpv6" or "all") && !int.TryParse(proto, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new FormatException($"traffic '{text}': unknown protocol '{proto}'");
            }

            var (from, to) = (0, 65535);
            if (slash >= 0)
            {
                var ports = raw[(slash + 1)..];
                var dash = ports.IndexOf('-', StringComparison.Ordinal);
                if (!int.TryParse(dash < 0 ? ports : ports[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out from) ||
                    !int.TryParse(dash < 0 ? ports : ports[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out to) ||
                    from > to || to > 65535)
                {
                    throw new FormatException($"traffic '{text}': '{ports}' is not a port or a port range");
                }
            }

            set = set.Union(Traffic.Flow(AnyAddress, AnyAddress, proto == "all" ? "-1" : proto, from, to));
        }

        return set;
    }
}
