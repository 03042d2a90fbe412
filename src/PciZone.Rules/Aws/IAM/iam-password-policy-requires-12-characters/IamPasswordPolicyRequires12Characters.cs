using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamPasswordPolicyRequires12Characters : ResourceRule<PasswordPolicy>
{
    private const int Minimum = 12;

    protected override Outcome Check(PasswordPolicy policy, RuleContext context)
    {
        if (!policy.MinimumLength.TryGet(out var length))
        {
            return Outcome.Unknown($"Minimum password length cannot be read: {policy.MinimumLength.UnknownReason}.", policy.MinimumLength.Source);
        }

        return length >= Minimum
            ? Outcome.Pass($"Passwords need at least {length} characters.")
            : Outcome.Fail(
                $"Minimum password length is {length}{(policy.MinimumLength.IsDefault ? " (the default)" : "")}; at least {Minimum} is required.",
                policy.MinimumLength.Source);
    }
}
