using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamPasswordPolicyPreventsReuseOfLast4 : ResourceRule<PasswordPolicy>
{
    private const int Remembered = 4;

    protected override Outcome Check(PasswordPolicy policy, RuleContext context)
    {
        if (!policy.ReusePrevention.TryGet(out var count))
        {
            return Outcome.Unknown($"Password reuse prevention cannot be read: {policy.ReusePrevention.UnknownReason}.", policy.ReusePrevention.Source);
        }

        if (count >= Remembered)
        {
            return Outcome.Pass($"The last {count} passwords cannot be reused.");
        }

        return Outcome.Fail(
            count == 0
                ? "Password policy does not prevent reuse of previous passwords."
                : $"Only the last {count} passwords are blocked from reuse; at least {Remembered} are required.",
            policy.ReusePrevention.Source);
    }
}
