using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamUsersHaveNoAccessKeysInCode : ResourceRule<IamUser>
{
    protected override Outcome Check(IamUser user, RuleContext context) =>
        user.AccessKeyCount == 0
            ? Outcome.Pass("No access key is declared for the user.")
            : Outcome.Fail(
                $"{user.AccessKeyCount} long-lived access key(s) declared for the user; use a role or IAM Identity Center instead of static keys.");
}
