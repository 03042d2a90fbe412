using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamUsersHaveNoInlinePolicies : ResourceRule<IamUser>
{
    protected override Outcome Check(IamUser user, RuleContext context) =>
        user.InlinePolicies.Count == 0
            ? Outcome.Pass("User has no inline policies.")
            : Outcome.Fail(
                $"User has inline policies ({string.Join(", ", user.InlinePolicies.Select(p => p.Name))}); grant permissions through groups or roles.",
                user.InlinePolicies[0].Source);
}
