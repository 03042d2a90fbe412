using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamPasswordPolicyRequiresLettersAndNumbers : ResourceRule<PasswordPolicy>
{
    protected override Outcome Check(PasswordPolicy policy, RuleContext context)
    {
        // Symbols are optional: PCI DSS 8.3.6 asks for numeric and alphabetic characters.
        var classes = new[]
        {
            ("lower-case letters", policy.RequireLowercase),
            ("upper-case letters", policy.RequireUppercase),
            ("numbers", policy.RequireNumbers),
        };
        var missing = classes.Where(c => c.Item2.IsKnown && !c.Item2.Get()).ToList();
        if (missing.Count > 0)
        {
            return Outcome.Fail(
                $"Password policy does not require {string.Join(", ", missing.Select(c => c.Item1))}.",
                missing[0].Item2.Source);
        }

        var unknown = classes.Where(c => c.Item2.IsUnknown).ToList();
        return unknown.Count > 0
            ? Outcome.Unknown($"Cannot tell whether {unknown[0].Item1} are required: {unknown[0].Item2.UnknownReason}.", unknown[0].Item2.Source)
            : Outcome.Pass("Passwords need upper- and lower-case letters and numbers.");
    }
}
