using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class ElasticIpAttached : ResourceRule<ElasticIp>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(ElasticIp), typeof(NatGateway), typeof(LoadBalancer)];

    protected override Outcome Check(ElasticIp ip, RuleContext context)
    {
        if (ip.Instance.GetOrDefault() is { } instance)
        {
            return Outcome.Pass($"Associated with instance {instance}.");
        }

        if (ip.NetworkInterface.GetOrDefault() is { } eni)
        {
            return Outcome.Pass($"Associated with network interface {eni}.");
        }

        var users = context.Estate.Memo("vpc-elastic-ip-users", Users.Build);
        if (users.ByAddress.TryGetValue(ip.Address, out var user))
        {
            return Outcome.Pass($"Used by {user.Address}.");
        }

        if (ip.Instance.IsUnknown || ip.NetworkInterface.IsUnknown)
        {
            var unknown = ip.Instance.IsUnknown ? ip.Instance : ip.NetworkInterface;
            return Outcome.Unknown($"The association is unknown until apply: {unknown.UnknownReason}.", unknown.Source);
        }

        return users.FirstUnknown is { } gateway
            ? Outcome.Unknown($"No resource uses the address, but the elastic IPs of {gateway.Address} are unknown until apply.")
            : Outcome.Fail("The elastic IP is associated with no instance, network interface, NAT gateway or load balancer.");
    }

    /// <summary>NAT gateways and network load balancers by the elastic IPs they name, built once per estate.</summary>
    private sealed record Users(Dictionary<string, Resource> ByAddress, Resource? FirstUnknown)
    {
        public static Users Build(AwsEstate estate)
        {
            var byAddress = new Dictionary<string, Resource>(StringComparer.Ordinal);
            Resource? unknown = null;
            var named = estate.OfType<NatGateway>().Select(n => ((Resource)n, n.ElasticIps))
                .Concat(estate.OfType<LoadBalancer>().Select(l => ((Resource)l, l.ElasticIps)));
            foreach (var (user, ips) in named)
            {
                if (ips.IsUnknown)
                {
                    unknown ??= user;
                    continue;
                }

                foreach (var address in ips.Get().Select(i => i.Address).OfType<string>())
                {
                    byAddress.TryAdd(address, user);
                }
            }

            return new Users(byAddress, unknown);
        }
    }
}
