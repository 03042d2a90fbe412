using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class CdeVpcUsesPrivateServiceEndpoints : ResourceRule<Vpc>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Vpc), typeof(Subnet), typeof(RouteTable), typeof(VpcEndpoint), typeof(DynamoDbTable)];

    protected override bool AppliesTo(Vpc vpc, RuleContext context) => CdeVpcs.IsCde(context.Estate, vpc);

    protected override Outcome Check(Vpc vpc, RuleContext context)
    {
        var estate = context.Estate;
        var endpoints = estate.Memo("vpc-endpoints-by-vpc", ByVpc).GetValueOrDefault(vpc.Address) ?? [];
        var subnets = CdeVpcs.Subnets(estate, vpc).Where(CdeTags.IsTaggedCde).ToList() is { Count: > 0 } cde ? cde : CdeVpcs.Subnets(estate, vpc);

        // S3 serves every workload (packages, logs, agents); DynamoDB only when the CDE keeps tables in it.
        var services = estate.OfType<DynamoDbTable>().Any(CdeTags.IsCde) ? new[] { "s3", "dynamodb" } : ["s3"];
        Outcome? unknown = null;
        foreach (var service in services)
        {
            var verdict = Serves(estate, vpc, service, endpoints, subnets);
            if (verdict.Status == Compliance.FindingStatus.Fail)
            {
                return verdict;
            }

            unknown ??= verdict.Status == Compliance.FindingStatus.Unknown ? verdict : null;
        }

        return unknown ?? Outcome.Pass($"Traffic from the CDE subnets to {string.Join(" and ", services)} stays on VPC endpoints.");
    }

    private static Outcome Serves(AwsEstate estate, Vpc vpc, string service, IReadOnlyList<VpcEndpoint> endpoints, IReadOnlyList<Subnet> subnets)
    {
        var mine = endpoints.Where(e => e.ServiceName.IsUnknown || IsService(e, service)).ToList();
        if (mine.Any(e => IsService(e, service) && e.EndpointType.GetOrDefault() == "Interface"))
        {
            return Outcome.Pass($"An interface endpoint serves {service}.");
        }

        var gateways = mine.Where(e => IsService(e, service) && e.EndpointType.GetOrDefault() == "Gateway").ToList();
        foreach (var subnet in subnets)
        {
            var covered = gateways.Select(g => Covers(estate, vpc, g, subnet)).ToList();
            if (covered.Contains(true))
            {
                continue;
            }

            if (covered.Contains(null) || mine.Any(e => e.ServiceName.IsUnknown || e.EndpointType.IsUnknown))
            {
                return Outcome.Unknown($"Cannot tell whether a {service} endpoint serves the route table of {subnet.Address}.");
            }

            return gateways.Count == 0
                ? Outcome.Fail($"The CDE VPC has no {service} endpoint: {service} traffic leaves through an internet or NAT gateway.")
                : Outcome.Fail($"{service} gateway endpoint {gateways[0].Address} is not associated with the route table of CDE subnet {subnet.Address}.", gateways[0].RouteTables.Source);
        }

        if (subnets.Count == 0 && gateways.Count == 0)
        {
            return mine.Count > 0
                ? Outcome.Unknown($"An endpoint with a service unknown until apply may serve {service}.")
                : Outcome.Fail($"The CDE VPC has no {service} endpoint: {service} traffic leaves through an internet or NAT gateway.");
        }

        return Outcome.Pass($"A {service} gateway endpoint serves the route tables of the CDE subnets.");
    }

    // True when the gateway endpoint adds its route to the subnet's table; null when a table is outside the input.
    private static bool? Covers(AwsEstate estate, Vpc vpc, VpcEndpoint gateway, Subnet subnet)
    {
        if (gateway.RouteTables.IsUnknown)
        {
            return null;
        }

        var tables = gateway.RouteTables.Get();
        var table = CdeVpcs.RouteTableOf(estate, subnet);

        // The VPC's main_route_table_id resolves to the VPC itself.
        if (tables.Any(t => t.Address is { } a && (a == table?.Address || (table is null or { IsMain: true } && a == vpc.Address))))
        {
            return true;
        }

        return tables.Any(t => t.Address is null) ? null : false;
    }

    private static bool IsService(VpcEndpoint endpoint, string service) =>
        endpoint.ServiceName.GetOrDefault() is { } name && name.EndsWith("." + service, StringComparison.Ordinal);

    private static Dictionary<string, List<VpcEndpoint>> ByVpc(AwsEstate estate)
    {
        var index = new Dictionary<string, List<VpcEndpoint>>(StringComparer.Ordinal);
        foreach (var endpoint in estate.OfType<VpcEndpoint>())
        {
            if (estate.Resolve<Vpc>(endpoint.Vpc.GetOrDefault()) is { } vpc)
            {
                if (!index.TryGetValue(vpc.Address, out var list))
                {
                    index[vpc.Address] = list = [];
                }

                list.Add(endpoint);
            }
        }

        return index;
    }
}
