using PciZone.Estate;

namespace PciZone.Rules.Aws.KMS;

internal sealed class KmsEnclaveKeyUseRequiresAttestation : ResourceRule<KmsKey>
{
    private const string AttestationPrefix = "kms:RecipientAttestation:";

    // Actions that return plaintext key material or let another principal do so through a grant.
    private static readonly string[] PlaintextActions =
        ["kms:Decrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyPair", "kms:DeriveSharedSecret", "kms:CreateGrant"];

    // A key counts as an enclave key once its policy conditions any statement on an attestation.
    protected override bool AppliesTo(KmsKey key, RuleContext context) =>
        key.Policy.GetOrDefault() is { } policy && policy.Statements.Any(s => s.Conditions.Any(IsAttestation));

    protected override Outcome Check(KmsKey key, RuleContext context)
    {
        var bypasses = key.Policy.Get()!.Allows
            .Where(s => PlaintextActions.Any(s.MatchesAction) && !s.Conditions.Any(c => IsAttestation(c) && IsEnforcing(c)))
            .Select(s => s.Sid ?? "without Sid")
            .ToList();
        return bypasses.Count == 0
            ? Outcome.Pass("Every grant of decryption, data-key generation or grant creation requires an enclave attestation.")
            : Outcome.Fail(
                $"Enclave key allows decryption, data-key generation or grant creation without an attestation condition (statement {string.Join(", ", bypasses)}).",
                key.Policy.Source);
    }

    private static bool IsAttestation(PolicyCondition c) => c.Key.StartsWith(AttestationPrefix, StringComparison.OrdinalIgnoreCase);

    // IfExists lets a request without an attestation document through; a negated operator admits any other image.
    private static bool IsEnforcing(PolicyCondition c) =>
        c.Operator.StartsWith("StringEquals", StringComparison.OrdinalIgnoreCase) &&
        !c.Operator.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase) &&
        c.Values.Count > 0 && c.Values.All(v => v.Length > 0 && !v.Contains('*', StringComparison.Ordinal));
}
