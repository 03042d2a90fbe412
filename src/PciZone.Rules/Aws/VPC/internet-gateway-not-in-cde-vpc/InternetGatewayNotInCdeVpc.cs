using PciZone.Estate;

namespace PciZone.Rules.Aws.VPC;

internal sealed class InternetGatewayNotInCdeVpc : ResourceRule<InternetGateway>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(InternetGateway), typeof(Vpc), typeof(Subnet)];

    protected override Outcome Check(InternetGateway gateway, RuleContext context)
    {
        if (gateway.Vpc.IsUnknown)
        {
            return Outcome.Unknown($"The attached VPC is unknown until apply: {gateway.Vpc.UnknownReason}.", gateway.Vpc.Source);
        }

        if (gateway.Vpc.Get() is not { } reference)
        {
            return Outcome.Pass("The internet gateway is not attached to a VPC.");
        }

        if (context.Estate.Resolve<Vpc>(reference) is not { } vpc)
        {
            return Outcome.Unknown($"The gateway is attached to VPC {reference}, which lies outside the input; cannot tell whether it is in the CDE.", gateway.Vpc.Source);
        }

        if (!CdeVpcs.IsCde(context.Estate, vpc))
        {
            return Outcome.Pass($"Attached to {vpc.Address}, which is outside the CDE.");
        }

        return CdeVpcs.Subnets(context.Estate, vpc).FirstOrDefault(CdeVpcs.IsPublicTier) is { } dmz
            ? Outcome.Pass($"Attached to CDE VPC {vpc.Address}, which declares a public tier ({dmz.Address}) for internet-facing entry points.")
            : Outcome.Fail($"Attached to CDE VPC {vpc.Address}, which declares no public tier ({CdeVpcs.TierTag} = edge, public or dmz) to confine internet traffic to.", gateway.Vpc.Source);
    }
}
