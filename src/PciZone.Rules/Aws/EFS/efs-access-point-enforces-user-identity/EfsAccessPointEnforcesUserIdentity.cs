using PciZone.Estate;

namespace PciZone.Rules.Aws.EFS;

internal sealed class EfsAccessPointEnforcesUserIdentity : ResourceRule<EfsAccessPoint>
{
    protected override Outcome Check(EfsAccessPoint accessPoint, RuleContext context) =>
        Outcome.MustBeTrue(accessPoint.EnforcesPosixUser,
            "Access point enforces a POSIX user for every request.",
            "Access point has no posix_user, so clients act with whatever user id they claim.");
}
