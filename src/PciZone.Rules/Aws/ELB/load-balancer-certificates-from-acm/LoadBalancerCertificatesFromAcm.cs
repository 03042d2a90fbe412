using PciZone.Estate;

namespace PciZone.Rules.Aws.ELB;

internal sealed class LoadBalancerCertificatesFromAcm : ResourceRule<Listener>
{
    protected override bool AppliesTo(Listener listener, RuleContext context) =>
        listener.Certificate.IsUnknown || listener.Certificate.Get() is not null;

    protected override Outcome Check(Listener listener, RuleContext context)
    {
        var certificate = listener.Certificate;
        if (certificate.IsUnknown)
        {
            return Outcome.Unknown($"The certificate is unknown: {certificate.UnknownReason}.", certificate.Source);
        }

        var reference = certificate.Get()!;
        return Classify(reference) switch
        {
            true => Outcome.Pass($"The certificate comes from ACM ({reference})."),
            false => Outcome.Fail($"The certificate {reference} is not managed by ACM: its renewal and key storage are left to people.", certificate.Source),
            null => Outcome.Unknown($"Cannot tell whether {reference} is an ACM certificate.", certificate.Source),
        };
    }

    // ACM ARNs name the acm service; IAM server certificates are ARNs of iam. A link tells by the type of
    // the resource that supplies the ARN (a certificate or its validation).
    private static bool? Classify(ResourceRef reference)
    {
        if (reference.Address is { } address)
        {
            return address.Contains("aws_acm_certificate", StringComparison.Ordinal) ? true
                : address.Contains("aws_iam_server_certificate", StringComparison.Ordinal) ? false
                : null;
        }

        var parts = (reference.Literal ?? "").Split(':');
        return parts.Length > 5 && parts[0] == "arn"
            ? parts[2] switch
            {
                "acm" => true,
                "iam" => false,
                _ => null,
            }
            : null;
    }
}
