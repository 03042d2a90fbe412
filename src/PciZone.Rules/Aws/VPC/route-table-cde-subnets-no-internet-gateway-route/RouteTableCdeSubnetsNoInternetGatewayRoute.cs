using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class RouteTableCdeSubnetsNoInternetGatewayRoute : ResourceRule<RouteTable>
{
    /// <summary>The tag that puts a subnet in the cardholder data environment (value <c>true</c>).</summary>
    public const string CdeTag = CdeTags.Cde;

    /// <summary>The tag that names a subnet's tier; the public tiers below are a DMZ by declaration.</summary>
    public const string TierTag = "pcizone:tier";

    private static readonly string[] PublicTiers = ["edge", "public", "dmz"];

    public override IReadOnlyList<Type> EstateTypes => [typeof(RouteTable), typeof(Subnet)];

    protected override bool AppliesTo(RouteTable table, RuleContext context) => CdeSubnet(table, context.Estate) is not null;

    protected override Outcome Check(RouteTable table, RuleContext context)
    {
        var subnet = CdeSubnet(table, context.Estate)!;
        Outcome? unknown = null;
        foreach (var route in table.Routes)
        {
            var (v4, v6) = (AnyAddress(route.DestinationCidr), AnyAddress(route.DestinationIpv6Cidr));
            bool? toEveryone = v4 == true || v6 == true ? true : v4 is null || v6 is null ? null : false;
            if (toEveryone == false)
            {
                continue;
            }

            if (route.TargetKind == RouteTargetKind.InternetGateway && toEveryone == true)
            {
                return Outcome.Fail($"CDE subnet {subnet.Address} routes every address to internet gateway {route.Target.GetOrDefault()}.", route.Source);
            }

            if (route.TargetKind is RouteTargetKind.InternetGateway or RouteTargetKind.Unknown)
            {
                unknown ??= Outcome.Unknown($"A route of CDE subnet {subnet.Address} has an unknown destination or target; cannot tell whether it leads to an internet gateway.", route.Source);
            }
        }

        return unknown ?? Outcome.Pass($"CDE subnet {subnet.Address} has no default route to an internet gateway.");
    }

    // True for 0.0.0.0/0 or ::/0, false for another or no range, null when unknown.
    private static bool? AnyAddress(Value<string?> cidr) => cidr.IsKnown ? NetworkMath.IsAnyAddress(cidr.Get()) : null;

    private static Subnet? CdeSubnet(RouteTable table, AwsEstate estate) =>
        table.SubnetAssociations
            .Select(a => estate.Resolve<Subnet>(a.GetOrDefault()))
            .FirstOrDefault(s => s is not null && CdeTags.IsTaggedCde(s) &&
                                 !(s.Tags.TryGetValue(TierTag, out var tier) && PublicTiers.Contains(tier, StringComparer.OrdinalIgnoreCase)));
}
