using PciZone.Estate;

namespace PciZone.Rules.Aws.KMS;

internal sealed class KmsKeyPolicyWildcardPrincipalRestricted : ResourceRule<KmsKey>
{
    protected override Outcome Check(KmsKey key, RuleContext context)
    {
        if (key.Policy.IsUnknown)
        {
            return Outcome.Unknown($"Key policy cannot be read: {key.Policy.UnknownReason}.", key.Policy.Source);
        }

        // The default key policy grants only the account itself.
        var open = key.Policy.Get()?.Statements.Where(UnrestrictedGrant.IsUnrestricted).ToList() ?? [];
        return open.Count == 0
            ? Outcome.Pass("Key policy grants nothing to a wildcard principal without a restricting condition.")
            : Outcome.Fail(
                $"Key policy allows any principal without an account, organisation or service condition (statement {string.Join(", ", open.Select(s => s.Sid ?? "without Sid"))}).",
                key.Policy.Source);
    }
}
