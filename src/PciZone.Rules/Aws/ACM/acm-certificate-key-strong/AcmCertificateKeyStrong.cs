using PciZone.Estate;

namespace PciZone.Rules.Aws.ACM;

internal sealed class AcmCertificateKeyStrong : ResourceRule<AcmCertificate>
{
    private static readonly string[] Strong = ["RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1"];

    protected override Outcome Check(AcmCertificate cert, RuleContext context)
    {
        if (!cert.KeyAlgorithm.TryGet(out var algorithm))
        {
            return Outcome.Unknown($"The key algorithm is unknown: {cert.KeyAlgorithm.UnknownReason}.", cert.KeyAlgorithm.Source);
        }

        return algorithm is not null && Strong.Contains(algorithm, StringComparer.Ordinal)
            ? Outcome.Pass($"The certificate key is {algorithm}{(cert.KeyAlgorithm.IsDefault ? " (the default)" : "")}.")
            : Outcome.Fail($"The certificate key {algorithm ?? "(none)"} is weaker than RSA 2048 or EC P-256.", cert.KeyAlgorithm.Source);
    }
}
