using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudFront;

internal sealed class CloudfrontCustomCertificateServedWithSni : ResourceRule<CloudFrontDistribution>
{
    // The default *.cloudfront.net certificate is served with SNI by CloudFront itself.
    protected override bool AppliesTo(CloudFrontDistribution d, RuleContext context) => !d.DefaultCertificate.GetOrDefault();

    protected override Outcome Check(CloudFrontDistribution d, RuleContext context)
    {
        if (d.DefaultCertificate.IsUnknown || d.SslSupportMethod.IsUnknown)
        {
            var unknown = d.DefaultCertificate.IsUnknown ? d.DefaultCertificate.UnknownReason : d.SslSupportMethod.UnknownReason;
            return Outcome.Unknown($"How the viewer certificate is served is unknown: {unknown}.", d.SslSupportMethod.Source);
        }

        return d.SslSupportMethod.Get() switch
        {
            "sni-only" => Outcome.Pass("The custom certificate is served with SNI."),
            null => Outcome.Unknown("The custom certificate sets no SSL support method.", d.SslSupportMethod.Source),
            var method => Outcome.Fail(
                $"The custom certificate is served with '{method}': dedicated IP addresses at every edge location, kept for clients without SNI.",
                d.SslSupportMethod.Source),
        };
    }
}
