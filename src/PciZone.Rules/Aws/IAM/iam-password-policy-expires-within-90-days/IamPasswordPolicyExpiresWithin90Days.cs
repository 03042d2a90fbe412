using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamPasswordPolicyExpiresWithin90Days : ResourceRule<PasswordPolicy>
{
    private const int MaxDays = 90;

    protected override Outcome Check(PasswordPolicy policy, RuleContext context)
    {
        if (!policy.MaxAgeDays.TryGet(out var days))
        {
            return Outcome.Unknown($"Maximum password age cannot be read: {policy.MaxAgeDays.UnknownReason}.", policy.MaxAgeDays.Source);
        }

        if (days is > 0 and <= MaxDays)
        {
            return Outcome.Pass($"Passwords expire after {days} days.");
        }

        return Outcome.Fail(
            days == 0
                ? "Passwords never expire (no maximum password age)."
                : $"Passwords expire after {days} days; at most {MaxDays} is required where a password is the only factor.",
            policy.MaxAgeDays.Source);
    }
}
