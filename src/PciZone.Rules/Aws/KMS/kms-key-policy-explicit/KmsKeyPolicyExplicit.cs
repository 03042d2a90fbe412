using PciZone.Estate;

namespace PciZone.Rules.Aws.KMS;

internal sealed class KmsKeyPolicyExplicit : ResourceRule<KmsKey>
{
    protected override Outcome Check(KmsKey key, RuleContext context) =>
        Outcome.MustBeTrue(
            key.PolicyDefined,
            "Key has an explicitly written key policy.",
            "Key relies on the default key policy, which delegates all access to IAM policies in the account.");
}
