using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudFront;

internal sealed class CloudfrontViewerTls12CustomCertificate : ResourceRule<CloudFrontDistribution>
{
    private static readonly string[] Current = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];

    protected override Outcome Check(CloudFrontDistribution d, RuleContext context)
    {
        if (d.DefaultCertificate.IsUnknown)
        {
            return Outcome.Unknown($"The viewer certificate is unknown: {d.DefaultCertificate.UnknownReason}.", d.DefaultCertificate.Source);
        }

        if (d.DefaultCertificate.Get())
        {
            return Outcome.Fail("Viewers get the default *.cloudfront.net certificate, which accepts TLS 1.0.", d.DefaultCertificate.Source);
        }

        return d.MinimumProtocolVersion.IsUnknown
            ? Outcome.Unknown($"The viewer security policy is unknown: {d.MinimumProtocolVersion.UnknownReason}.", d.MinimumProtocolVersion.Source)
            : Current.Contains(d.MinimumProtocolVersion.Get(), StringComparer.Ordinal)
                ? Outcome.Pass($"A custom certificate with security policy {d.MinimumProtocolVersion.Get()}.")
                : Outcome.Fail($"The viewer security policy {d.MinimumProtocolVersion.Get()} allows protocols or ciphers older than TLSv1.2_2021.", d.MinimumProtocolVersion.Source);
    }
}
