using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class SecurityGroupAdminPortsClosedToInternet : ResourceRule<SecurityGroup>
{
    protected override Outcome Check(SecurityGroup group, RuleContext context) =>
        OpenIngress.Judge(
            group,
            group.Ingress,
            r => OpenIngress.And(OpenIngress.FromInternet(r), Any(OpenIngress.AdminPorts.Select(p => OpenIngress.CoversTcpPort(r, p)))),
            "admits the internet to a remote administration port (22 or 3389)",
            "No ingress rule admits the internet to port 22 or 3389.");

    private static bool? Any(IEnumerable<bool?> values)
    {
        var list = values.ToList();
        return list.Contains(true) ? true : list.Contains(null) ? null : false;
    }
}
