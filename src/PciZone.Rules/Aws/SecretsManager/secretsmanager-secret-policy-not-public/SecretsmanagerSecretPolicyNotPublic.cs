using PciZone.Estate;
using PciZone.Rules.Aws.S3;

namespace PciZone.Rules.Aws.SecretsManager;

internal sealed class SecretsmanagerSecretPolicyNotPublic : ResourceRule<SecretsManagerSecret>
{
    protected override Outcome Check(SecretsManagerSecret secret, RuleContext context)
    {
        if (secret.Policy.IsUnknown)
        {
            return Outcome.Unknown($"The secret's resource policy cannot be read: {secret.Policy.UnknownReason}.", secret.Policy.Source);
        }

        if (secret.Policy.Get() is not { } policy)
        {
            return Outcome.Pass("Secret has no resource policy; only identity policies in the account grant access.");
        }

        var open = S3PolicyFacts.PublicAllows(policy);
        return open.Count == 0
            ? Outcome.Pass("Secret's resource policy grants nothing to an unrestricted principal.")
            : Outcome.Fail($"Secret's resource policy allows {string.Join(", ", open.SelectMany(s => s.Actions).Distinct())} to any principal (\"*\") without a restricting condition.", secret.Policy.Source);
    }
}
