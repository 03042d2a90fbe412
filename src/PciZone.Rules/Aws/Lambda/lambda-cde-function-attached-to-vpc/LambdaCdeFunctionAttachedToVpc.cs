using PciZone.Estate;

namespace PciZone.Rules.Aws.Lambda;

internal sealed class LambdaCdeFunctionAttachedToVpc : ResourceRule<LambdaFunction>
{
    protected override bool AppliesTo(LambdaFunction function, RuleContext context) => CdeFunctions.InCde(function);

    protected override Outcome Check(LambdaFunction function, RuleContext context)
    {
        if (function.VpcSubnets.IsUnknown || function.VpcSecurityGroups.IsUnknown)
        {
            var unknown = function.VpcSubnets.IsUnknown ? function.VpcSubnets : function.VpcSecurityGroups;
            return Outcome.Unknown($"The VPC configuration is unknown until apply: {unknown.UnknownReason}.", unknown.Source);
        }

        return (function.VpcSubnets.Get().Count, function.VpcSecurityGroups.Get().Count) switch
        {
            (0, _) => Outcome.Fail($"The function is tagged {CdeFunctions.CdeTag}=true but is not attached to a VPC: its traffic bypasses the CDE's network controls.", function.VpcSubnets.Source),
            (_, 0) => Outcome.Fail("The function names subnets but no security group.", function.VpcSecurityGroups.Source),
            var (subnets, groups) => Outcome.Pass($"The function runs in {subnets} subnet(s) behind {groups} security group(s)."),
        };
    }
}
