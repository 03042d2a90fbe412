using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class VpcDefaultSecurityGroupRestrictsAllTraffic : ResourceRule<SecurityGroup>
{
    protected override bool AppliesTo(SecurityGroup group, RuleContext context) => group.IsDefault;

    protected override Outcome Check(SecurityGroup group, RuleContext context)
    {
        if (group.Ingress.Concat(group.Egress).FirstOrDefault() is { } rule)
        {
            return Outcome.Fail(
                $"The default security group has {group.Ingress.Count} ingress and {group.Egress.Count} egress rule(s); it should have none.",
                rule.Source);
        }

        return group.HasUnknownRules
            ? Outcome.Unknown("The default security group has rules that could not be read.")
            : Outcome.Pass("The default security group has no ingress or egress rules.");
    }
}
