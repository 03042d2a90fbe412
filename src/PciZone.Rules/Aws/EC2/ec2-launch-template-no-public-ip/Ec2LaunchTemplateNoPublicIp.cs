using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class Ec2LaunchTemplateNoPublicIp : ResourceRule<LaunchTemplate>
{
    protected override Outcome Check(LaunchTemplate template, RuleContext context)
    {
        var publicIp = template.AssociatePublicIp;
        if (publicIp.IsUnknown)
        {
            return Outcome.Unknown($"Whether instances get a public IPv4 address is unknown: {publicIp.UnknownReason}.", publicIp.Source);
        }

        return publicIp.Get() switch
        {
            true => Outcome.Fail("Instances launched from it get a public IPv4 address.", publicIp.Source),
            false => Outcome.Pass("Instances launched from it get no public IPv4 address."),
            null => Outcome.Pass("It does not ask for a public IPv4 address; the subnet's setting decides (judged by the subnet rule)."),
        };
    }
}
