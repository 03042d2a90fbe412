using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class SecurityGroupEgressRestricted : ResourceRule<SecurityGroup>
{
    protected override Outcome Check(SecurityGroup group, RuleContext context) =>
        OpenIngress.Judge(
            group,
            group.Egress,
            r => OpenIngress.And(
                OpenIngress.FromInternet(r),
                r.Protocol.TryGet(out var p) ? p == NetworkMath.AllProtocols : null),
            "allows all traffic to the whole internet",
            "No egress rule allows all protocols to the whole internet.");
}
