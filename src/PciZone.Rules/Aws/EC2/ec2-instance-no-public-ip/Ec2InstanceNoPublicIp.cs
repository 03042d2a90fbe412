using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class Ec2InstanceNoPublicIp : ResourceRule<Ec2Instance>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Ec2Instance), typeof(Subnet)];

    protected override Outcome Check(Ec2Instance instance, RuleContext context)
    {
        if (instance.AssociatePublicIp.IsKnown)
        {
            return Outcome.MustBeFalse(
                instance.AssociatePublicIp,
                "The instance gets no public IPv4 address.",
                "The instance is given a public IPv4 address.");
        }

        // Unset, the instance follows its subnet's auto-assign setting.
        if (instance.Subnet.IsKnown && instance.Subnet.Get() is null)
        {
            return Outcome.Fail("The instance names no subnet, so it launches into a default subnet, which assigns public IPv4 addresses.", instance.Subnet.Source);
        }

        var subnet = context.Estate.Resolve<Subnet>(instance.Subnet.GetOrDefault());
        if (subnet is null || subnet.MapPublicIpOnLaunch.IsUnknown)
        {
            return Outcome.Unknown("The instance does not set associate_public_ip_address and its subnet's auto-assign setting is not in the estate.");
        }

        return subnet.MapPublicIpOnLaunch.Get()
            ? Outcome.Fail($"The instance does not opt out of a public IPv4 address, and subnet {subnet.Address} assigns one at launch.", subnet.MapPublicIpOnLaunch.Source)
            : Outcome.Pass($"Subnet {subnet.Address} assigns no public IPv4 address and the instance does not ask for one.");
    }
}
