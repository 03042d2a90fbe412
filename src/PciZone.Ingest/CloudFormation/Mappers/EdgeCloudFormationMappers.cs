using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>CloudFront distributions and response headers policies, and ACM certificates, from a template.</summary>
internal sealed class EdgeCloudFormationMappers : ICloudFormationMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::CloudFront::Distribution", Distribution);
        registry.Primary("AWS::CloudFront::ResponseHeadersPolicy", (r, e) => e.Add(new CloudFrontResponseHeadersPolicy
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            HstsMaxAgeSeconds = r.Block("ResponseHeadersPolicyConfig.SecurityHeadersConfig.StrictTransportSecurity") is { } hsts
                ? hsts.OptionalInt("AccessControlMaxAgeSec")
                : Value.Default<int?>(null, r.Provenance),
        }));
        registry.Primary("AWS::CertificateManager::Certificate", (r, e) => e.Add(new AcmCertificate
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            DomainName = r.String("DomainName"),
            SubjectAlternativeNames = r.Strings("SubjectAlternativeNames"),
            KeyAlgorithm = r.String("KeyAlgorithm", "RSA_2048"),
        }));
    }

    private static void Distribution(IResourceView r, IEstateBuilder estate)
    {
        var none = r.Provenance;
        var config = r.Block("DistributionConfig");
        if (config is null)
        {
            return;
        }

        var cert = config.Block("ViewerCertificate");
        var defaultCert = cert?.Bool("CloudFrontDefaultCertificate", false) ?? Value.Default(true, none);
        var behaviors = new List<CloudFrontCacheBehavior>();
        if (config.Block("DefaultCacheBehavior") is { } d)
        {
            behaviors.Add(Behavior(d, "*"));
        }

        behaviors.AddRange(config.Blocks("CacheBehaviors").Select(b => Behavior(b, b.String("PathPattern").GetOrDefault() ?? "?")));
        estate.Add(new CloudFrontDistribution
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("Tags"),
            CacheBehaviors = Value.Of<IReadOnlyList<CloudFrontCacheBehavior>>(behaviors, config.At("DefaultCacheBehavior")),
            Origins = Value.Of<IReadOnlyList<CloudFrontOrigin>>(config.Blocks("Origins").Select(Origin).ToList(), config.At("Origins")),
            DefaultCertificate = defaultCert,
            AcmCertificate = cert?.OptionalRef("AcmCertificateArn") ?? Value.Default<ResourceRef?>(null, none),
            IamCertificateId = cert?.String("IamCertificateId") ?? Value.Default<string?>(null, none),

            // With the default certificate CloudFront accepts TLSv1 whatever the setting says.
            MinimumProtocolVersion = defaultCert.IsKnown && defaultCert.Get()
                ? Value.Default("TLSv1", defaultCert.Source)
                : cert!.String("MinimumProtocolVersion", "TLSv1").Map(s => s ?? "TLSv1"),
            SslSupportMethod = cert?.String("SslSupportMethod") ?? Value.Default<string?>(null, none),
            LoggingBucket = config.Block("Logging") is { } log ? log.Ref("Bucket") : Value.Default<ResourceRef?>(null, none),
            WebAcl = config.OptionalRef("WebACLId"),
            DefaultRootObject = config.String("DefaultRootObject"),
        });
    }

    private static CloudFrontCacheBehavior Behavior(IResourceView b, string pathPattern) => new(
        pathPattern,
        b.String("ViewerProtocolPolicy", "allow-all").Map(s => s ?? "allow-all"),
        b.OptionalRef("ResponseHeadersPolicyId"),
        b.OptionalRef("RealtimeLogConfigArn"));

    private static CloudFrontOrigin Origin(IResourceView o) => new(
        o.String("Id").GetOrDefault() ?? "?",
        o.String("DomainName"),
        o.Block("CustomOriginConfig") is { } c
            ? new CloudFrontCustomOrigin(
                c.String("OriginProtocolPolicy").Map(s => s ?? ""),
                c.IsWritten("OriginSSLProtocols")
                    ? c.Strings("OriginSSLProtocols")
                    : Value.Unknown<IReadOnlyList<string>>("OriginSSLProtocols not set; CloudFormation documents no default", c.Provenance))
            : null,
        o.OptionalRef("OriginAccessControlId"),
        o.Block("S3OriginConfig") is { } s3 ? s3.String("OriginAccessIdentity") : Value.Default<string?>(null, o.Provenance));
}
