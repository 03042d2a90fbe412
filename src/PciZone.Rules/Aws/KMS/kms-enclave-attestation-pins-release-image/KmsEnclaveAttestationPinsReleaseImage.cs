using PciZone.Estate;

namespace PciZone.Rules.Aws.KMS;

internal sealed class KmsEnclaveAttestationPinsReleaseImage : ResourceRule<KmsKey>
{
    private const string AttestationPrefix = "kms:RecipientAttestation:";

    // The measurements that identify the enclave image: its hash (ImageSha384 is PCR0) or its signing certificate (PCR8).
    private static readonly string[] ImageKeys = ["ImageSha384", "PCR0", "PCR8"];

    protected override bool AppliesTo(KmsKey key, RuleContext context) =>
        key.Policy.GetOrDefault() is { } policy && policy.Statements.Any(s => s.Conditions.Any(IsAttestation));

    protected override Outcome Check(KmsKey key, RuleContext context)
    {
        foreach (var s in key.Policy.Get()!.Allows.Where(s => s.Conditions.Any(IsAttestation)))
        {
            var name = s.Sid ?? "without Sid";
            var attestation = s.Conditions.Where(IsAttestation).ToList();
            if (!attestation.Any(c => ImageKeys.Any(k => c.Key.EndsWith(":" + k, StringComparison.OrdinalIgnoreCase))))
            {
                var keys = string.Join(", ", attestation.Select(c => c.Key[AttestationPrefix.Length..]).Distinct(StringComparer.OrdinalIgnoreCase));
                return Outcome.Fail($"Statement {name} checks {keys} but not the enclave image (ImageSha384, PCR0 or PCR8): any image on the attested parent passes.", key.Policy.Source);
            }

            foreach (var c in attestation)
            {
                var measurement = c.Key[AttestationPrefix.Length..];
                if (c.Values.Any(v => v.Length > 0 && v.All(ch => ch == '0')))
                {
                    return Outcome.Fail($"Statement {name} accepts an all-zero {measurement}: that is what an enclave in debug mode reports, whose memory the parent can read.", key.Policy.Source);
                }

                if (c.Values.FirstOrDefault(v => !IsSha384(v)) is { } bad)
                {
                    return Outcome.Fail($"Statement {name} compares {measurement} with '{Short(bad)}', which is not a SHA-384 measurement (96 hex digits): no real image matches it, or a pattern matches many.", key.Policy.Source);
                }
            }
        }

        return Outcome.Pass("Every attestation condition pins the enclave image to well-formed SHA-384 measurements of a non-debug enclave.");
    }

    private static bool IsAttestation(PolicyCondition c) => c.Key.StartsWith(AttestationPrefix, StringComparison.OrdinalIgnoreCase);

    private static bool IsSha384(string v) => v.Length == 96 && v.All(char.IsAsciiHexDigit);

    private static string Short(string v) => v.Length <= 24 ? v : v[..24] + "...";
}
