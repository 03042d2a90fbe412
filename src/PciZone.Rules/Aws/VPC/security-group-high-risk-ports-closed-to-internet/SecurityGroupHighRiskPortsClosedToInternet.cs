using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class SecurityGroupHighRiskPortsClosedToInternet : ResourceRule<SecurityGroup>
{
    protected override Outcome Check(SecurityGroup group, RuleContext context) =>
        OpenIngress.Judge(
            group,
            group.Ingress,
            r => OpenIngress.And(OpenIngress.FromInternet(r), CoversAny(r)),
            "opens a high-risk service port (database, cache, file sharing, FTP or Telnet) to the whole internet",
            "No ingress rule opens a high-risk service port to the whole internet.");

    // Three-valued OR over the listed ports.
    private static bool? CoversAny(SecurityGroupRule rule)
    {
        bool? result = false;
        foreach (var port in OpenIngress.HighRiskPorts)
        {
            var covers = OpenIngress.CoversTcpPort(rule, port);
            if (covers == true)
            {
                return true;
            }

            result = covers is null ? null : result;
        }

        return result;
    }
}
