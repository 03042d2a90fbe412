using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

/// <summary>One outcome per CDE-tagged resource that lives in a VPC: where it is placed.</summary>
internal sealed class CdeResourcesNotInDefaultVpc : IRule
{
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    public IReadOnlyList<Type> EstateTypes =>
    [
        typeof(Vpc), typeof(Subnet), typeof(SecurityGroup), typeof(Ec2Instance), typeof(NetworkInterface), typeof(RdsInstance),
        typeof(RdsCluster), typeof(DbSubnetGroup), typeof(LoadBalancer), typeof(LambdaFunction), typeof(EcsService), typeof(EksCluster),
    ];

    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context)
    {
        var estate = context.Estate;
        foreach (var r in estate.Resources)
        {
            if (!CdeTags.IsCde(r) || Placement(estate, r) is not { } placed)
            {
                continue;
            }

            yield return (r, placed.InDefault switch
            {
                true => Outcome.Fail($"CDE resource is in the default VPC: {placed.Why}."),
                false => Outcome.Pass($"CDE resource is in a VPC of its own ({placed.Why})."),
                null => Outcome.Unknown($"Cannot tell whether the CDE resource is in the default VPC: {placed.Why}."),
            });
        }
    }

    // Null when the resource is not placed in a VPC at all (a Lambda function outside any VPC).
    private static Placed? Placement(AwsEstate estate, Resource r) => r switch
    {
        Vpc vpc => new Placed(vpc.IsDefault, vpc.IsDefault ? "it is the default VPC" : vpc.Address),
        Subnet subnet => OfSubnet(estate, subnet),
        SecurityGroup group => group.Vpc.IsUnknown ? new Placed(null, $"its VPC is unknown until apply ({group.Vpc.UnknownReason})")
            : group.Vpc.Get() is { } vpc ? OfVpc(estate, vpc) : new Placed(true, "it names no VPC, so it is created in the default VPC"),
        Ec2Instance instance => OfInstance(estate, instance),
        NetworkInterface eni => OfSubnets(estate, eni.Subnet.Map<IReadOnlyList<ResourceRef>>(s => s is null ? [] : [s])),
        RdsInstance db when !db.IsClusterMember => OfSubnetGroup(estate, db.SubnetGroup),
        RdsCluster cluster => OfSubnetGroup(estate, cluster.SubnetGroup),
        LoadBalancer lb => OfSubnets(estate, lb.Subnets),
        LambdaFunction fn when fn.VpcSubnets.GetOrDefault() is not { Count: 0 } => OfSubnets(estate, fn.VpcSubnets),
        EcsService service when service.Subnets.GetOrDefault() is not { Count: 0 } => OfSubnets(estate, service.Subnets),
        EksCluster cluster => OfSubnets(estate, cluster.Subnets),
        _ => null,
    };

    private static Placed OfInstance(AwsEstate estate, Ec2Instance instance)
    {
        if (instance.NetworkInterfaces.GetOrDefault() is { Count: > 0 } enis)
        {
            var subnets = enis.Select(e => estate.Resolve<NetworkInterface>(e)).ToList();
            return subnets.Any(e => e is null)
                ? new Placed(null, "a network interface lies outside the input")
                : Worst(subnets.Select(e => OfSubnets(estate, e!.Subnet.Map<IReadOnlyList<ResourceRef>>(s => s is null ? [] : [s]))));
        }

        if (instance.Subnet.IsKnown && instance.Subnet.Get() is null)
        {
            return instance.LaunchTemplate.GetOrDefault() is null
                ? new Placed(true, "it names no subnet, so EC2 launches it into a default subnet of the default VPC")
                : new Placed(null, "its subnet comes from a launch template");
        }

        return OfSubnets(estate, instance.Subnet.Map<IReadOnlyList<ResourceRef>>(s => s is null ? [] : [s]));
    }

    private static Placed OfSubnetGroup(AwsEstate estate, Value<ResourceRef?> group)
    {
        if (group.IsUnknown)
        {
            return new Placed(null, $"its DB subnet group is unknown ({group.UnknownReason})");
        }

        if (group.Get() is null)
        {
            return new Placed(true, "it names no DB subnet group, so RDS uses the default VPC's default subnet group");
        }

        var resolved = estate.Resolve<DbSubnetGroup>(group.Get(), g => g.Name.GetOrDefault());
        return resolved is null ? new Placed(null, $"DB subnet group {group.Get()} lies outside the input") : OfSubnets(estate, resolved.Subnets);
    }

    private static Placed OfSubnets(AwsEstate estate, Value<IReadOnlyList<ResourceRef>> subnets)
    {
        if (subnets.IsUnknown)
        {
            return new Placed(null, $"its subnets are unknown until apply ({subnets.UnknownReason})");
        }

        if (subnets.Get().Count == 0)
        {
            return new Placed(null, "it names no subnet");
        }

        return Worst(subnets.Get().Select(s => estate.Resolve<Subnet>(s) is { } subnet
            ? OfSubnet(estate, subnet)
            : new Placed(null, $"subnet {s} lies outside the input")));
    }

    private static Placed OfSubnet(AwsEstate estate, Subnet subnet)
    {
        if (subnet.SourceType == "aws_default_subnet")
        {
            return new Placed(true, $"{subnet.Address} is a default subnet");
        }

        return subnet.Vpc.GetOrDefault() is { } vpc
            ? OfVpc(estate, vpc)
            : new Placed(null, $"the VPC of {subnet.Address} is unknown");
    }

    private static Placed OfVpc(AwsEstate estate, ResourceRef reference) => estate.Resolve<Vpc>(reference) is { } vpc
        ? new Placed(vpc.IsDefault, vpc.IsDefault ? $"{vpc.Address} is the default VPC" : $"VPC {vpc.Address}")
        : new Placed(null, $"VPC {reference} lies outside the input");

    // Any placement in the default VPC decides; otherwise any unknown one does.
    private static Placed Worst(IEnumerable<Placed> placements)
    {
        var all = placements.ToList();
        return all.FirstOrDefault(p => p.InDefault == true) ?? all.FirstOrDefault(p => p.InDefault is null) ?? all[0];
    }

    private sealed record Placed(bool? InDefault, string Why);
}
