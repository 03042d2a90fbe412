using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// CloudFront distributions and response headers policies, and ACM certificates, from a Terraform plan.
/// Everything a distribution's rules read is a block of <c>aws_cloudfront_distribution</c>.
/// </summary>
internal sealed class EdgeTerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_cloudfront_distribution", Distribution);
        registry.Primary("aws_cloudfront_response_headers_policy", (r, e) => e.Add(new CloudFrontResponseHeadersPolicy
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            HstsMaxAgeSeconds = r.Block("security_headers_config.strict_transport_security") is { } hsts
                ? hsts.OptionalInt("access_control_max_age_sec")
                : Value.Default<int?>(null, r.Provenance),
        }));
        registry.Primary("aws_acm_certificate", Certificate);
    }

    private static void Distribution(IResourceView r, IEstateBuilder estate)
    {
        var none = r.Provenance;
        var cert = r.Block("viewer_certificate");
        var defaultCert = cert?.Bool("cloudfront_default_certificate", false) ?? Value.Default(true, none);
        var behaviors = new List<CloudFrontCacheBehavior>();
        if (r.Block("default_cache_behavior") is { } d)
        {
            behaviors.Add(Behavior(d, "*"));
        }

        behaviors.AddRange(r.Blocks("ordered_cache_behavior").Select(b => Behavior(b, b.String("path_pattern").GetOrDefault() ?? "?")));
        estate.Add(new CloudFrontDistribution
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            CacheBehaviors = Value.Of<IReadOnlyList<CloudFrontCacheBehavior>>(behaviors, r.At("default_cache_behavior")),
            Origins = Value.Of<IReadOnlyList<CloudFrontOrigin>>(r.Blocks("origin").Select(Origin).ToList(), r.At("origin")),
            DefaultCertificate = defaultCert,
            AcmCertificate = cert?.OptionalRef("acm_certificate_arn") ?? Value.Default<ResourceRef?>(null, none),
            IamCertificateId = cert?.String("iam_certificate_id") ?? Value.Default<string?>(null, none),

            // With the default certificate CloudFront accepts TLSv1 whatever the setting says.
            MinimumProtocolVersion = defaultCert.IsKnown && defaultCert.Get()
                ? Value.Default("TLSv1", defaultCert.Source)
                : cert!.String("minimum_protocol_version", "TLSv1").Map(s => s ?? "TLSv1"),
            SslSupportMethod = cert?.String("ssl_support_method") ?? Value.Default<string?>(null, none),
            LoggingBucket = r.Block("logging_config") is { } log ? log.Ref("bucket") : Value.Default<ResourceRef?>(null, none),
            WebAcl = r.OptionalRef("web_acl_id"),
            DefaultRootObject = r.String("default_root_object"),
        });
    }

    private static CloudFrontCacheBehavior Behavior(IResourceView b, string pathPattern) => new(
        pathPattern,
        b.String("viewer_protocol_policy", "allow-all").Map(s => s ?? "allow-all"),
        b.OptionalRef("response_headers_policy_id"),
        b.OptionalRef("realtime_log_config_arn"));

    private static CloudFrontOrigin Origin(IResourceView o) => new(
        o.String("origin_id").GetOrDefault() ?? "?",
        o.String("domain_name"),
        o.Block("custom_origin_config") is { } c
            ? new CloudFrontCustomOrigin(c.String("origin_protocol_policy").Map(s => s ?? ""), c.Strings("origin_ssl_protocols"))
            : null,
        o.OptionalRef("origin_access_control_id"),
        o.Block("s3_origin_config") is { } s3 ? s3.String("origin_access_identity") : Value.Default<string?>(null, o.Provenance));

    private static void Certificate(IResourceView r, IEstateBuilder estate) => estate.Add(new AcmCertificate
    {
        Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
        DomainName = r.WrittenOr("domain_name", x => x.String("domain_name"), null),
        SubjectAlternativeNames = r.WrittenOr<IReadOnlyList<string>>("subject_alternative_names", x => x.Strings("subject_alternative_names"), []),

        // An imported certificate's key comes with its body; a requested one gets RSA_2048 unless set.
        KeyAlgorithm = r.IsWritten("private_key") || r.IsWritten("certificate_body")
            ? Value.Unknown<string?>("the key of an imported certificate is read from its body at import", r.At("private_key"))
            : r.WrittenOr("key_algorithm", x => x.String("key_algorithm"), "RSA_2048"),
    });
}
