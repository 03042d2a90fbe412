using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

internal sealed class IamPoliciesDoNotAllowDecryptOnAllKmsKeys : HeldPolicyRule
{
    protected override string Grant => "kms:Decrypt or kms:ReEncryptFrom on every KMS key";

    // A condition on a kms: key (kms:ViaService, kms:EncryptionContext..., kms:CallerAccount) ties
    // the grant to a service or a data set, which is what the blocked-actions checks ask for.
    protected override bool Matches(PolicyStatement statement) =>
        statement.Effect == PolicyEffect.Allow &&
        (statement.MatchesAction("kms:Decrypt") || statement.MatchesAction("kms:ReEncryptFrom")) &&
        statement.Resources.Any(EveryKey) &&
        !statement.Conditions.Any(c => c.Key.StartsWith("kms:", StringComparison.OrdinalIgnoreCase));

    private static bool EveryKey(string resource) =>
        resource == "*" ||
        (resource.StartsWith("arn:", StringComparison.Ordinal) && resource.Contains(":kms:", StringComparison.Ordinal) &&
         (resource.EndsWith(":key/*", StringComparison.Ordinal) || resource.EndsWith(":*", StringComparison.Ordinal)));
}
