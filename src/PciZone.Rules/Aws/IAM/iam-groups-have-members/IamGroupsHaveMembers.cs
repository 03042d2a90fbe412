using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamGroupsHaveMembers : ResourceRule<IamGroup>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(IamGroup), typeof(IamUser)];

    protected override Outcome Check(IamGroup group, RuleContext context)
    {
        var (known, maybeMore) = IamMemberships.OfGroup(context.Estate, group);
        if (known > 0)
        {
            return Outcome.Pass($"The group has {known} member link(s).");
        }

        return maybeMore
            ? Outcome.Unknown("No user is declared in the group, but a user's memberships in the input name groups unknown until apply.")
            : Outcome.Fail("The group has no members: a stale group whose permissions nobody reviews.");
    }
}
