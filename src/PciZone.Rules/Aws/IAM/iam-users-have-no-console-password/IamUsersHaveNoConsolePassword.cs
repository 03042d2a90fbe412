using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamUsersHaveNoConsolePassword : ResourceRule<IamUser>
{
    /// <summary>The tag that marks the break-glass user, the one exception.</summary>
    private const string BreakGlassTag = "pcizone:break-glass";

    protected override bool AppliesTo(IamUser user, RuleContext context) =>
        !(user.Tags.TryGetValue(BreakGlassTag, out var v) && string.Equals(v, "true", StringComparison.OrdinalIgnoreCase));

    protected override Outcome Check(IamUser user, RuleContext context) =>
        user.HasLoginProfile
            ? Outcome.Fail("The IAM user has a console password: people should sign in through IAM Identity Center (federation) instead.")
            : Outcome.Pass("The IAM user has no console password.");
}
