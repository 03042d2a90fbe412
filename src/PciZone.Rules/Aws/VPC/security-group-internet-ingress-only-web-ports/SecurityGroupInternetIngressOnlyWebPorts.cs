using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class SecurityGroupInternetIngressOnlyWebPorts : ResourceRule<SecurityGroup>
{
    private static readonly int[] AuthorisedPorts = [80, 443];

    protected override Outcome Check(SecurityGroup group, RuleContext context) =>
        OpenIngress.Judge(
            group,
            group.Ingress,
            r => OpenIngress.And(OpenIngress.FromInternet(r), OpenIngress.ReachesBeyond(r, AuthorisedPorts)),
            "admits the internet to more than TCP/UDP ports 80 and 443",
            "Internet ingress, if any, is limited to ports 80 and 443.");
}
