using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class Ec2InstanceInDeclaredSubnet : ResourceRule<Ec2Instance>
{
    protected override Outcome Check(Ec2Instance instance, RuleContext context)
    {
        if (instance.Subnet.IsUnknown)
        {
            return Outcome.Unknown($"The instance's subnet is unknown: {instance.Subnet.UnknownReason}.", instance.Subnet.Source);
        }

        if (instance.Subnet.Get() is { } subnet)
        {
            return Outcome.Pass($"The instance runs in subnet {subnet}.");
        }

        return instance.LaunchTemplate.GetOrDefault() is { } template
            ? Outcome.Unknown($"The instance names no subnet; launch template {template} may place it through a network interface.", instance.LaunchTemplate.Source)
            : Outcome.Fail("The instance names no subnet, so EC2 launches it into a default subnet of the region's default VPC, outside the network design.", instance.Subnet.Source);
    }
}
