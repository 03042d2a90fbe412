using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamUserLoginProfileRequiresPasswordReset : ResourceRule<IamUser>
{
    protected override bool AppliesTo(IamUser user, RuleContext context) => user.HasLoginProfile;

    protected override Outcome Check(IamUser user, RuleContext context) =>
        Outcome.MustBeTrue(
            user.PasswordResetRequired,
            "The initial console password must be changed at first sign-in.",
            "The initial console password need not be changed at first sign-in, so whoever set or saw it keeps a working password.");
}
