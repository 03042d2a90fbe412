using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class TerraformProviderHasNoHardCodedCredentials : ResourceRule<ProviderConfiguration>
{
    protected override Outcome Check(ProviderConfiguration p, RuleContext context)
    {
        if (p.KeyShapedCredentials.IsUnknown)
        {
            return Outcome.Unknown($"The provider's credentials cannot be read: {p.KeyShapedCredentials.UnknownReason}.", p.KeyShapedCredentials.Source);
        }

        var keys = p.KeyShapedCredentials.Get();
        if (keys.Count > 0)
        {
            return Outcome.Fail(
                $"The provider configuration writes {string.Join(" and ", keys)} as a literal AWS credential: anyone who can read the code or the plan holds the key.",
                p.KeyShapedCredentials.Source);
        }

        var others = p.OtherConstantCredentials.GetOrDefault([])!;
        return Outcome.Pass(others.Count > 0
            ? $"{string.Join(" and ", others)} are written as constants that cannot be an AWS credential (a test mock)."
            : "The provider takes its credentials from the environment, a profile or a role, not from literals.");
    }
}
