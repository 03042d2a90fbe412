using PciZone.Estate;

namespace PciZone.Rules.Aws.IdentityCenter;

internal sealed class SsoAccountAssignmentsGoToGroups : ResourceRule<AccountAssignment>
{
    protected override Outcome Check(AccountAssignment assignment, RuleContext context) =>
        Outcome.MustBeTrue(
            assignment.PrincipalType.Map(t => string.Equals(t, "GROUP", StringComparison.Ordinal)),
            "Access is granted to a group.",
            "Access is granted to an individual user, outside the group-based access model.");
}
