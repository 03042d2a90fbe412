using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudFront;

internal sealed class CloudfrontOriginTrafficEncrypted : ResourceRule<CloudFrontDistribution>
{
    private static readonly string[] Deprecated = ["SSLv3", "TLSv1", "TLSv1.1"];

    protected override bool AppliesTo(CloudFrontDistribution d, RuleContext context) =>
        CloudFrontDistributions.CustomOrigins(d) is not { IsKnown: true } origins || origins.Get().Count > 0;

    protected override Outcome Check(CloudFrontDistribution d, RuleContext context)
    {
        var origins = CloudFrontDistributions.CustomOrigins(d);
        if (origins.IsUnknown)
        {
            return Outcome.Unknown($"Origins cannot be read: {origins.UnknownReason}.", origins.Source);
        }

        foreach (var o in origins.Get())
        {
            var custom = o.Custom!;
            if (custom.ProtocolPolicy.IsUnknown)
            {
                return Outcome.Unknown($"The protocol policy of origin '{o.Id}' is unknown: {custom.ProtocolPolicy.UnknownReason}.", custom.ProtocolPolicy.Source);
            }

            var policy = custom.ProtocolPolicy.Get();
            if (policy == "http-only")
            {
                return Outcome.Fail($"Origin '{o.Id}' is reached over plain HTTP (origin protocol policy http-only).", custom.ProtocolPolicy.Source);
            }

            if (policy == "match-viewer" && ViewersMayUseHttp(d) is { } behaviour)
            {
                return Outcome.Fail($"Origin '{o.Id}' matches the viewer's protocol and {behaviour} lets viewers use HTTP, so the origin is reached over plain HTTP.", custom.ProtocolPolicy.Source);
            }

            if (custom.SslProtocols.IsUnknown)
            {
                return Outcome.Unknown($"The TLS protocols of origin '{o.Id}' are unknown: {custom.SslProtocols.UnknownReason}.", custom.SslProtocols.Source);
            }

            var weak = custom.SslProtocols.Get().Where(p => Deprecated.Contains(p, StringComparer.Ordinal)).ToList();
            if (weak.Count > 0)
            {
                return Outcome.Fail($"Origin '{o.Id}' allows deprecated protocols: {string.Join(", ", weak)}.", custom.SslProtocols.Source);
            }
        }

        return Outcome.Pass("Every custom origin is reached over HTTPS with TLS 1.2 only.");
    }

    // Unknown viewer policies count as HTTP-capable only when known; the viewer rule reports the rest.
    private static string? ViewersMayUseHttp(CloudFrontDistribution d) =>
        d.CacheBehaviors.GetOrDefault([])!.FirstOrDefault(b => b.ViewerProtocolPolicy.GetOrDefault() == "allow-all") is { } b
            ? CloudFrontDistributions.Name(b)
            : null;
}
