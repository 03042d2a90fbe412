using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

/// <summary>
/// Which VPCs belong to the cardholder data environment, and what lives in them, indexed once per
/// estate. A VPC is in the CDE when it is tagged <c>pcizone:cde=true</c> or holds a subnet so tagged.
/// </summary>
internal static class CdeVpcs
{
    /// <summary>The tag that names a subnet's tier; the landing zone's public tiers form a declared DMZ.</summary>
    public const string TierTag = "pcizone:tier";

    private static readonly string[] PublicTiers = ["edge", "public", "dmz"];

    /// <summary>True when the VPC is tagged as CDE or holds a CDE-tagged subnet.</summary>
    public static bool IsCde(AwsEstate estate, Vpc vpc) => CdeTags.IsTaggedCde(vpc) || Subnets(estate, vpc).Any(CdeTags.IsTaggedCde);

    /// <summary>The subnets whose VPC reference resolves to <paramref name="vpc"/>, in estate order.</summary>
    public static IReadOnlyList<Subnet> Subnets(AwsEstate estate, Vpc vpc) =>
        estate.Memo("vpc-subnets-by-vpc", BySubnetVpc).GetValueOrDefault(vpc.Address) ?? [];

    /// <summary>The VPC a subnet belongs to, when the input links it.</summary>
    public static Vpc? VpcOf(AwsEstate estate, Subnet subnet) => estate.Resolve<Vpc>(subnet.Vpc.GetOrDefault());

    /// <summary>True when the subnet is declared as part of a public tier (a DMZ) with <see cref="TierTag"/>.</summary>
    public static bool IsPublicTier(Resource subnet) =>
        subnet.Tags.TryGetValue(TierTag, out var tier) && PublicTiers.Contains(tier, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The route table that routes a subnet's traffic: the table explicitly associated with it, else its VPC's
    /// main table when the input declares one (<c>aws_default_route_table</c>, a main association); null when
    /// neither is in the input (the VPC's implicit main table).
    /// </summary>
    public static RouteTable? RouteTableOf(AwsEstate estate, Subnet subnet)
    {
        var tables = estate.Memo("vpc-route-tables-by-subnet", RouteTables.Build);
        if (tables.BySubnet.TryGetValue(subnet.Address, out var table))
        {
            return table;
        }

        return VpcOf(estate, subnet) is { } vpc ? tables.MainByVpc.GetValueOrDefault(vpc.Address) : null;
    }

    private sealed record RouteTables(Dictionary<string, RouteTable> BySubnet, Dictionary<string, RouteTable> MainByVpc)
    {
        public static RouteTables Build(AwsEstate estate)
        {
            var bySubnet = new Dictionary<string, RouteTable>(StringComparer.Ordinal);
            var main = new Dictionary<string, RouteTable>(StringComparer.Ordinal);
            foreach (var table in estate.OfType<RouteTable>())
            {
                foreach (var subnet in table.SubnetAssociations.Select(a => a.GetOrDefault()?.Address).OfType<string>())
                {
                    bySubnet.TryAdd(subnet, table);
                }

                if (table.IsMain && estate.Resolve<Vpc>(table.Vpc.GetOrDefault()) is { } vpc)
                {
                    main.TryAdd(vpc.Address, table);
                }
            }

            return new RouteTables(bySubnet, main);
        }
    }

    private static Dictionary<string, List<Subnet>> BySubnetVpc(AwsEstate estate)
    {
        var index = new Dictionary<string, List<Subnet>>(StringComparer.Ordinal);
        foreach (var subnet in estate.OfType<Subnet>())
        {
            if (VpcOf(estate, subnet) is { } vpc)
            {
                if (!index.TryGetValue(vpc.Address, out var list))
                {
                    index[vpc.Address] = list = [];
                }

                list.Add(subnet);
            }
        }

        return index;
    }
}
