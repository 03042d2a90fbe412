using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class Ec2InstanceSingleNetworkSegment : ResourceRule<Ec2Instance>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Ec2Instance), typeof(NetworkInterface), typeof(Subnet)];

    protected override Outcome Check(Ec2Instance instance, RuleContext context)
    {
        var estate = context.Estate;
        if (instance.NetworkInterfaces.IsUnknown)
        {
            return Outcome.Unknown($"The instance's network interfaces are unknown until apply: {instance.NetworkInterfaces.UnknownReason}.", instance.NetworkInterfaces.Source);
        }

        // The interfaces the instance lists (or its implicit primary one), and those attached to it from outside.
        var subnets = new List<(string Interface, Value<ResourceRef?> Subnet)>();
        foreach (var reference in instance.NetworkInterfaces.Get())
        {
            subnets.Add(estate.Resolve<NetworkInterface>(reference) is { } eni
                ? (eni.Address, eni.Subnet)
                : (reference.ToString(), Value.Unknown<ResourceRef?>($"network interface {reference} lies outside the input", instance.NetworkInterfaces.Source)));
        }

        if (subnets.Count == 0)
        {
            subnets.Add(("the primary interface", instance.Subnet));
        }

        var attached = estate.Memo("ec2-interfaces-by-instance", ByInstance).GetValueOrDefault(instance.Address) ?? [];
        subnets.AddRange(attached.Where(a => !subnets.Any(s => s.Interface == a.Address)).Select(a => (a.Address, a.Subnet)));
        if (subnets.Count == 1)
        {
            return Outcome.Pass("The instance has one network interface.");
        }

        var segments = subnets.Select(s => SegmentOf(estate, s.Interface, s.Subnet)).ToList();
        if (segments.FirstOrDefault(s => s.Vpc is null) is { } unknown)
        {
            return Outcome.Unknown($"The instance has {subnets.Count} network interfaces; the segment of {unknown.Interface} is unknown: {unknown.Why}.");
        }

        if (segments.Select(s => s.Vpc).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            var (a, b) = (segments[0], segments.First(s => s.Vpc != segments[0].Vpc));
            return Outcome.Fail($"The instance is dual-homed across VPCs: {a.Interface} in {a.Vpc}, {b.Interface} in {b.Vpc}.");
        }

        if (segments.Select(s => s.Cde).Distinct().Count() > 1)
        {
            var (cde, other) = (segments.First(s => s.Cde), segments.First(s => !s.Cde));
            return Outcome.Fail($"The instance bridges CDE subnet {cde.Subnet} ({cde.Interface}) and non-CDE subnet {other.Subnet} ({other.Interface}).");
        }

        return Outcome.Pass($"All {subnets.Count} network interfaces are in {(segments[0].Cde ? "CDE" : "non-CDE")} subnets of {segments[0].Vpc}.");
    }

    // A segment is a VPC and whether the subnet is in the CDE; Vpc is null when that cannot be told.
    private static Segment SegmentOf(AwsEstate estate, string eni, Value<ResourceRef?> reference)
    {
        if (!reference.TryGet(out var r) || r is null)
        {
            return new Segment(eni, "?", null, false, reference.IsUnknown ? reference.UnknownReason! : "it names no subnet (a default subnet)");
        }

        if (estate.Resolve<Subnet>(r) is not { } subnet)
        {
            return new Segment(eni, r.ToString(), null, false, $"subnet {r} lies outside the input");
        }

        return subnet.Vpc.GetOrDefault() is { } vpc
            ? new Segment(eni, subnet.Address, vpc.Address ?? vpc.Literal, CdeTags.IsTaggedCde(subnet), "")
            : new Segment(eni, subnet.Address, null, false, $"the VPC of {subnet.Address} is unknown");
    }

    private static Dictionary<string, List<NetworkInterface>> ByInstance(AwsEstate estate)
    {
        var index = new Dictionary<string, List<NetworkInterface>>(StringComparer.Ordinal);
        foreach (var eni in estate.OfType<NetworkInterface>())
        {
            if (eni.AttachedInstance.GetOrDefault()?.Address is { } instance)
            {
                if (!index.TryGetValue(instance, out var list))
                {
                    index[instance] = list = [];
                }

                list.Add(eni);
            }
        }

        return index;
    }

    private sealed record Segment(string Interface, string Subnet, string? Vpc, bool Cde, string Why);
}
