using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamUsersBelongToAGroup : ResourceRule<IamUser>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(IamUser), typeof(IamGroup)];

    protected override Outcome Check(IamUser user, RuleContext context)
    {
        var (known, maybeMore) = IamMemberships.OfUser(context.Estate, user);
        if (known > 0)
        {
            return Outcome.Pass($"The user is in {known} group membership(s).");
        }

        return maybeMore
            ? Outcome.Unknown("No group names the user, but a group membership in the input lists users unknown until apply.")
            : Outcome.Fail("The user is in no group: its permissions cannot come from a job-function group.");
    }
}
