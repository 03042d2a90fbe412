using PciZone.Estate;

namespace PciZone.Rules.Aws.RDS;

internal sealed class RdsInstanceNotPubliclyAccessible : ResourceRule<RdsInstance>
{
    protected override Outcome Check(RdsInstance instance, RuleContext context) =>
        Outcome.MustBeFalse(
            instance.PubliclyAccessible,
            "DB instance is not publicly accessible.",
            "DB instance is publicly accessible, with a public DNS name and address.");
}
