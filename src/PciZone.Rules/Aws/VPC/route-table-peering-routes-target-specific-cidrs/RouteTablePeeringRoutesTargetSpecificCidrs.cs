using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class RouteTablePeeringRoutesTargetSpecificCidrs : ResourceRule<RouteTable>
{
    protected override bool AppliesTo(RouteTable table, RuleContext context) =>
        table.Routes.Any(r => r.TargetKind == RouteTargetKind.VpcPeering);

    protected override Outcome Check(RouteTable table, RuleContext context)
    {
        Outcome? unknown = null;
        foreach (var route in table.Routes.Where(r => r.TargetKind == RouteTargetKind.VpcPeering))
        {
            if (route.DestinationPrefixList.GetOrDefault() is { Length: > 0 })
            {
                continue;
            }

            foreach (var destination in new[] { route.DestinationCidr, route.DestinationIpv6Cidr })
            {
                if (destination.IsUnknown)
                {
                    unknown ??= Outcome.Unknown($"A peering route's destination is unknown: {destination.UnknownReason}.", route.Source);
                }
                else if (NetworkMath.IsAnyAddress(destination.Get()))
                {
                    return Outcome.Fail($"A route sends every address ({destination.Get()}) to the peering connection {route.Target.GetOrDefault()}.", route.Source);
                }
            }
        }

        return unknown ?? Outcome.Pass("Every peering route names a specific destination range.");
    }
}
