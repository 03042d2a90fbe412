using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Model;

/// <summary>Longest-prefix match over a block of destinations, for VPC and transit gateway route tables alike.</summary>
internal static class LongestPrefix
{
    /// <summary>The prefix length of a CIDR block.</summary>
    public static int Of(Range cidr) => 32 - System.Numerics.BitOperations.Log2((ulong)cidr.Hi - cidr.Lo + 1);

    /// <summary>
    /// Splits <paramref name="destination"/> by the route that wins each part. <paramref name="routes"/>
    /// must be ordered winner first (longest prefix, ties broken by the caller); parts no route covers
    /// come back in <paramref name="unrouted"/>.
    /// </summary>
    public static List<(Range Part, T Route)> Partition<T>(Range destination, IEnumerable<(Range Cidr, T Route)> routes, out List<Range> unrouted)
    {
        var result = new List<(Range, T)>();
        var remaining = new List<Range> { destination };
        foreach (var (cidr, route) in routes)
        {
            if (remaining.Count == 0)
            {
                break;
            }

            var next = new List<Range>(remaining.Count + 1);
            foreach (var r in remaining)
            {
                if (!r.Overlaps(cidr))
                {
                    next.Add(r);
                    continue;
                }

                result.Add((new Range(Math.Max(r.Lo, cidr.Lo), Math.Min(r.Hi, cidr.Hi)), route));
                if (r.Lo < cidr.Lo)
                {
                    next.Add(new Range(r.Lo, cidr.Lo - 1));
                }

                if (r.Hi > cidr.Hi)
                {
                    next.Add(new Range(cidr.Hi + 1, r.Hi));
                }
            }

            remaining = next;
        }

        unrouted = remaining;
        return result;
    }
}
