using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class SubnetNoPublicIpOnLaunch : ResourceRule<Subnet>
{
    protected override Outcome Check(Subnet subnet, RuleContext context) =>
        Outcome.MustBeFalse(
            subnet.MapPublicIpOnLaunch,
            "The subnet does not assign public IPv4 addresses at launch.",
            subnet.MapPublicIpOnLaunch.IsDefault
                ? "The subnet assigns public IPv4 addresses at launch by default (a default subnet)."
                : "The subnet assigns public IPv4 addresses to instances launched in it.");
}
