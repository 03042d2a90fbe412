using PciZone.Estate;
using PciZone.Scope.Algebra;
using Range = PciZone.Scope.Algebra.Range;

namespace PciZone.Scope.Model;

/// <summary>One destination block of a route table, resolved: the route that wins it by longest prefix.</summary>
/// <param name="Part">Destination addresses this route wins.</param>
/// <param name="Route">The route, or null for the implicit local route.</param>
internal readonly record struct RoutePart(Range Part, Route? Route);

/// <summary>
/// A route table as a longest-prefix-match function over IPv4 destinations. Routes to AWS-managed
/// prefix lists (gateway endpoints) are kept apart: their addresses are AWS's, not the estate's.
/// </summary>
internal sealed class RouteLookup
{
    private readonly List<(Range Cidr, int Prefix, Route? Route)> _routes = [];

    public RouteLookup(RouteTable? table, VpcNode? vpc, Network network)
    {
        Table = table;
        foreach (var c in vpc?.Cidrs ?? [])
        {
            _routes.Add((c, LongestPrefix.Of(c), null));
        }

        foreach (var r in table?.Routes ?? [])
        {
            if (r.DestinationCidr.IsUnknown || r.DestinationPrefixList.IsUnknown)
            {
                Uncertain ??= $"a route's destination is not known until apply ({r.Source})";
                continue;
            }

            if (r.DestinationCidr.GetOrDefault() is { } cidr && Cidr.TryParse(cidr, out var range))
            {
                _routes.Add((range, LongestPrefix.Of(range), r));
            }
            else if (r.DestinationPrefixList.GetOrDefault() is { } pl)
            {
                if (network.PrefixLists.TryGetValue(pl, out var list) && list.Cidrs.GetOrDefault() is { } cidrs)
                {
                    foreach (var c in cidrs)
                    {
                        if (Cidr.TryParse(c, out var pr))
                        {
                            _routes.Add((pr, LongestPrefix.Of(pr), r));
                        }
                    }
                }
                else
                {
                    ServiceRoutes.Add(r);
                }
            }
        }

        // Longest prefix first; on equal prefixes the local route wins, as in AWS.
        _routes.Sort((a, b) => a.Prefix != b.Prefix
            ? b.Prefix.CompareTo(a.Prefix)
            : (a.Route is null ? 0 : 1).CompareTo(b.Route is null ? 0 : 1));
    }

    public RouteTable? Table { get; }

    /// <summary>Why the table's answer is not certain (a route with an unknown destination), or null.</summary>
    public string? Uncertain { get; }

    /// <summary>Routes to AWS-managed prefix lists: gateway endpoints for S3 and DynamoDB.</summary>
    public List<Route> ServiceRoutes { get; } = [];

    /// <summary>Splits <paramref name="destination"/> by the route that wins each part; uncovered parts have no route.</summary>
    public List<RoutePart> Resolve(Range destination, out List<Range> unrouted) =>
        LongestPrefix.Partition(destination, _routes.Select(r => (r.Cidr, r.Route)), out unrouted)
            .ConvertAll(p => new RoutePart(p.Part, p.Route));
}
