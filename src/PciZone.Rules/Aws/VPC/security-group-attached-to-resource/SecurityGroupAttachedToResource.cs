using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class SecurityGroupAttachedToResource : ResourceRule<SecurityGroup>
{
    public override IReadOnlyList<Type> EstateTypes =>
    [
        typeof(SecurityGroup), typeof(Ec2Instance), typeof(NetworkInterface), typeof(LoadBalancer), typeof(RdsInstance),
        typeof(RdsCluster), typeof(LambdaFunction), typeof(EcsService), typeof(EksCluster), typeof(VpcEndpoint), typeof(LaunchTemplate),
    ];

    // A VPC's default group cannot be deleted, so it is out of scope (PCZ-VPC-011 closes it instead).
    protected override bool AppliesTo(SecurityGroup group, RuleContext context) => !group.IsDefault;

    protected override Outcome Check(SecurityGroup group, RuleContext context)
    {
        var users = context.Estate.Memo("vpc-security-group-users", Users.Build);
        if (users.ByGroup.TryGetValue(group.Address, out var user))
        {
            return Outcome.Pass($"Attached to {user.Address}.");
        }

        if (users.FirstUnknown is { } unknown)
        {
            return Outcome.Unknown($"No resource names the group, but the security groups of {unknown.Address} are unknown until apply.");
        }

        // A peer in another group's rules is part of a designed flow: its members may be in another input
        // (a network stack exports groups for application stacks).
        if (users.Peers.TryGetValue(group.Address, out var peer))
        {
            return Outcome.Unknown($"No resource in the input uses the group, but {peer.Address} names it as a peer: its members may be declared elsewhere.");
        }

        return Outcome.Fail("No instance, interface, load balancer, database, function, container service, cluster or endpoint uses the group.");
    }

    /// <summary>Each group's first user in estate order, built once per estate.</summary>
    private sealed record Users(Dictionary<string, Resource> ByGroup, Resource? FirstUnknown, Dictionary<string, SecurityGroup> Peers)
    {
        public static Users Build(AwsEstate estate)
        {
            var byGroup = new Dictionary<string, Resource>(StringComparer.Ordinal);
            Resource? unknown = null;
            foreach (var (user, groups) in Consumers(estate))
            {
                if (groups.IsUnknown)
                {
                    unknown ??= user;
                    continue;
                }

                foreach (var g in groups.Get())
                {
                    // Groups are matched by estate address; a literal id names a group outside the input.
                    if (g.Address is { } address)
                    {
                        byGroup.TryAdd(address, user);
                    }
                }
            }

            var peers = new Dictionary<string, SecurityGroup>(StringComparer.Ordinal);
            foreach (var g in estate.OfType<SecurityGroup>())
            {
                foreach (var peer in g.Ingress.Concat(g.Egress).SelectMany(r => r.SourceGroups.GetOrDefault() ?? []).Select(p => p.Address).OfType<string>())
                {
                    if (peer != g.Address)
                    {
                        peers.TryAdd(peer, g);
                    }
                }
            }

            return new Users(byGroup, unknown, peers);
        }

        // Cluster members take the cluster's groups, which the cluster lists.
        private static IEnumerable<(Resource User, Value<IReadOnlyList<ResourceRef>> Groups)> Consumers(AwsEstate estate) =>
            estate.OfType<Ec2Instance>().Select(r => ((Resource)r, r.SecurityGroups))
                .Concat(estate.OfType<NetworkInterface>().Select(r => ((Resource)r, r.SecurityGroups)))
                .Concat(estate.OfType<LoadBalancer>().Select(r => ((Resource)r, r.SecurityGroups)))
                .Concat(estate.OfType<RdsInstance>().Where(r => !r.IsClusterMember).Select(r => ((Resource)r, r.VpcSecurityGroups)))
                .Concat(estate.OfType<RdsCluster>().Select(r => ((Resource)r, r.VpcSecurityGroups)))
                .Concat(estate.OfType<LambdaFunction>().Select(r => ((Resource)r, r.VpcSecurityGroups)))
                .Concat(estate.OfType<EcsService>().Select(r => ((Resource)r, r.SecurityGroups)))
                .Concat(estate.OfType<EksCluster>().Select(r => ((Resource)r, r.SecurityGroups)))
                .Concat(estate.OfType<VpcEndpoint>().Select(r => ((Resource)r, r.SecurityGroups)))
                .Concat(estate.OfType<LaunchTemplate>().Select(r => ((Resource)r, r.SecurityGroups)));
    }
}
