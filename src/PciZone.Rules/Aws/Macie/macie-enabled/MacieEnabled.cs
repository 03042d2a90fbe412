using PciZone.Estate;

namespace PciZone.Rules.Aws.Macie;

internal sealed class MacieEnabled : ResourceRule<MacieAccount>
{
    protected override Outcome Check(MacieAccount account, RuleContext context) =>
        Outcome.MustBeTrue(account.Status.Map(s => s == "ENABLED"),
            "Macie is enabled in the account.",
            $"Macie is {account.Status.GetOrDefault()?.ToLowerInvariant() ?? "not enabled"}, so it runs no sensitive data discovery.");
}
