using PciZone.Estate;

namespace PciZone.Rules.Aws.ACM;

internal sealed class AcmCertificateNotWildcard : ResourceRule<AcmCertificate>
{
    protected override Outcome Check(AcmCertificate cert, RuleContext context)
    {
        if (cert.DomainName.IsUnknown || cert.SubjectAlternativeNames.IsUnknown)
        {
            return Outcome.Unknown("The certificate's names are unknown until apply or import.", cert.DomainName.Source);
        }

        var names = new[] { cert.DomainName.Get() }.Concat(cert.SubjectAlternativeNames.Get()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var wildcards = names.Where(n => n.StartsWith("*.", StringComparison.Ordinal)).ToList();
        return wildcards.Count == 0
            ? Outcome.Pass($"The certificate names only specific hosts: {string.Join(", ", names)}.")
            : Outcome.Fail($"The certificate covers wildcard names {string.Join(", ", wildcards)}: its key authenticates any host in those domains.", cert.DomainName.Source);
    }
}
