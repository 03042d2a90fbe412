namespace PciZone.Estate;

/// <summary>A CloudFront distribution.</summary>
public sealed record CloudFrontDistribution : Resource
{
    /// <summary>Cache behaviours: the default behaviour first (path pattern <c>*</c>), then the ordered ones.</summary>
    public Value<IReadOnlyList<CloudFrontCacheBehavior>> CacheBehaviors { get; init; }

    /// <summary>Origins.</summary>
    public Value<IReadOnlyList<CloudFrontOrigin>> Origins { get; init; }

    /// <summary>Viewers get the default <c>*.cloudfront.net</c> certificate.</summary>
    public Value<bool> DefaultCertificate { get; init; }

    /// <summary>ACM certificate for viewers; null when none.</summary>
    public Value<ResourceRef?> AcmCertificate { get; init; }

    /// <summary>IAM server certificate id for viewers; null when none.</summary>
    public Value<string?> IamCertificateId { get; init; }

    /// <summary>Viewer security policy (<c>TLSv1.2_2021</c> ...); <c>TLSv1</c> with the default certificate.</summary>
    public Value<string> MinimumProtocolVersion { get; init; }

    /// <summary><c>sni-only</c>, <c>vip</c> or <c>static-ip</c>; null with the default certificate.</summary>
    public Value<string?> SslSupportMethod { get; init; }

    /// <summary>Standard access logs go to this bucket; null when standard logging is off.</summary>
    public Value<ResourceRef?> LoggingBucket { get; init; }

    /// <summary>WAF web ACL (WAFv2 ARN or WAF Classic id); null when none.</summary>
    public Value<ResourceRef?> WebAcl { get; init; }

    /// <summary>Object returned for the root URL; null when none.</summary>
    public Value<string?> DefaultRootObject { get; init; }
}

/// <summary>One cache behaviour.</summary>
/// <param name="PathPattern"><c>*</c> for the default behaviour.</param>
/// <param name="ViewerProtocolPolicy"><c>allow-all</c>, <c>redirect-to-https</c> or <c>https-only</c>.</param>
/// <param name="ResponseHeadersPolicy">Response headers policy (a policy in the estate or a managed policy id); null when none.</param>
/// <param name="RealtimeLogConfig">Real-time log configuration; null when none.</param>
public sealed record CloudFrontCacheBehavior(
    string PathPattern,
    Value<string> ViewerProtocolPolicy,
    Value<ResourceRef?> ResponseHeadersPolicy,
    Value<ResourceRef?> RealtimeLogConfig);

/// <summary>One origin.</summary>
/// <param name="Id">Origin id.</param>
/// <param name="DomainName">Origin domain name.</param>
/// <param name="Custom">Custom origin settings; null for an S3 (REST) origin.</param>
/// <param name="OriginAccessControl">Origin access control; null when none.</param>
/// <param name="OriginAccessIdentity">Legacy origin access identity; null or empty when none.</param>
public sealed record CloudFrontOrigin(
    string Id,
    Value<string?> DomainName,
    CloudFrontCustomOrigin? Custom,
    Value<ResourceRef?> OriginAccessControl,
    Value<string?> OriginAccessIdentity);

/// <summary>Custom origin settings.</summary>
/// <param name="ProtocolPolicy"><c>http-only</c>, <c>https-only</c> or <c>match-viewer</c>.</param>
/// <param name="SslProtocols">Protocols CloudFront may use to the origin (<c>TLSv1.2</c> ...).</param>
public sealed record CloudFrontCustomOrigin(Value<string> ProtocolPolicy, Value<IReadOnlyList<string>> SslProtocols);

/// <summary>A CloudFront response headers policy.</summary>
public sealed record CloudFrontResponseHeadersPolicy : Resource
{
    /// <summary>Strict-Transport-Security max-age in seconds; null when the policy sets no HSTS header.</summary>
    public Value<int?> HstsMaxAgeSeconds { get; init; }
}

/// <summary>An API Gateway REST API.</summary>
public sealed record ApiGatewayRestApi : Resource
{
    /// <summary>Endpoint types: <c>EDGE</c> (the default), <c>REGIONAL</c> or <c>PRIVATE</c>.</summary>
    public Value<IReadOnlyList<string>> EndpointTypes { get; init; }
}

/// <summary>An API Gateway stage (REST, or HTTP/WebSocket through API Gateway v2), joined with its method settings.</summary>
public sealed record ApiGatewayStage : Resource
{
    /// <summary><c>rest</c> or <c>v2</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The API.</summary>
    public Value<ResourceRef?> Api { get; init; }

    /// <summary>Stage name.</summary>
    public Value<string?> StageName { get; init; }

    /// <summary>Access log destination; null when access logging is off.</summary>
    public Value<ResourceRef?> AccessLogDestination { get; init; }

    /// <summary>Access log format; null when none.</summary>
    public Value<string?> AccessLogFormat { get; init; }

    /// <summary>X-Ray tracing (REST only).</summary>
    public Value<bool> XRayTracing { get; init; }

    /// <summary>Client certificate presented to the backend; null when none (REST only).</summary>
    public Value<ResourceRef?> ClientCertificate { get; init; }

    /// <summary>Cache cluster provisioned (REST only).</summary>
    public Value<bool> CacheClusterEnabled { get; init; }

    /// <summary>Method settings (REST only): the stage-wide <c>*/*</c> entry and per-method overrides.</summary>
    public Value<IReadOnlyList<ApiGatewayMethodSetting>> MethodSettings { get; init; }

    /// <summary>Stage variables; unknown values are left out.</summary>
    public Value<IReadOnlyDictionary<string, string>> Variables { get; init; }
}

/// <summary>Settings for the methods that <paramref name="MethodPath"/> selects (<c>*/*</c> for all).</summary>
/// <param name="LoggingLevel"><c>OFF</c> (the default), <c>ERROR</c> or <c>INFO</c>.</param>
public sealed record ApiGatewayMethodSetting(
    string MethodPath,
    Value<string> LoggingLevel,
    Value<bool> DataTraceEnabled,
    Value<bool> CachingEnabled,
    Value<bool> CacheDataEncrypted)
{
    /// <summary>True for the stage-wide entry.</summary>
    public bool IsStageWide => MethodPath == "*/*";
}

/// <summary>An API Gateway REST method, or an API Gateway v2 route.</summary>
public sealed record ApiGatewayMethod : Resource
{
    /// <summary><c>rest</c> or <c>v2</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>HTTP method (REST) or route key (v2, such as <c>GET /items</c> or <c>$connect</c>).</summary>
    public Value<string?> Method { get; init; }

    /// <summary><c>NONE</c>, <c>AWS_IAM</c>, <c>CUSTOM</c>, <c>COGNITO_USER_POOLS</c> or <c>JWT</c>.</summary>
    public Value<string> Authorization { get; init; }

    /// <summary>An API key is required.</summary>
    public Value<bool> ApiKeyRequired { get; init; }

    /// <summary>Request validator that checks parameters and body before the integration runs (REST only); null when none.</summary>
    public Value<ResourceRef?> RequestValidator { get; init; }
}

/// <summary>An API Gateway custom domain name (REST or v2).</summary>
public sealed record ApiGatewayDomainName : Resource
{
    /// <summary>TLS security policy: <c>TLS_1_0</c> (the REST default) or <c>TLS_1_2</c>.</summary>
    public Value<string> SecurityPolicy { get; init; }
}

/// <summary>A WAF web ACL: WAFv2, or WAF Classic (global or regional).</summary>
public sealed record WafWebAcl : Resource
{
    /// <summary><c>wafv2</c>, <c>waf</c> (Classic global) or <c>wafregional</c> (Classic regional).</summary>
    public required string Kind { get; init; }

    /// <summary><c>CLOUDFRONT</c> or <c>REGIONAL</c>.</summary>
    public Value<string?> Scope { get; init; }

    /// <summary>Rules in priority order.</summary>
    public Value<IReadOnlyList<WafRule>> Rules { get; init; }

    /// <summary>The web ACL's own CloudWatch metrics (WAFv2 visibility config).</summary>
    public Value<bool> MetricsEnabled { get; init; }

    /// <summary>Log destinations (from the logging configuration); empty when logging is off.</summary>
    public Value<IReadOnlyList<ResourceRef>> LogDestinations { get; init; }
}

/// <summary>One rule of a web ACL or rule group.</summary>
/// <param name="Name">Rule name (WAF Classic: the rule's reference).</param>
/// <param name="ManagedRuleGroup">The AWS managed rule group the rule runs (<c>AWS/AWSManagedRulesCommonRuleSet</c>), else null.</param>
/// <param name="Action">
/// What a match does: <c>block</c>, <c>allow</c>, <c>count</c>, <c>captcha</c>, <c>challenge</c>; for a
/// rule group statement the override action: <c>none</c> (the group's own actions) or <c>count</c>.
/// </param>
/// <param name="MetricsEnabled">The rule's CloudWatch metrics (WAFv2 visibility config).</param>
public sealed record WafRule(string Name, Value<string?> ManagedRuleGroup, Value<string?> Action, Value<bool> MetricsEnabled);

/// <summary>A WAF rule group (WAFv2 or Classic), or a WAF Classic rule (whose entries are match predicates).</summary>
public sealed record WafRuleGroup : Resource
{
    /// <summary><c>wafv2</c>, <c>waf</c>, <c>wafregional</c>; <c>waf-rule</c> or <c>wafregional-rule</c> for a Classic rule.</summary>
    public required string Kind { get; init; }

    /// <summary>How many rules (Classic rule: predicates) it holds.</summary>
    public Value<int> EntryCount { get; init; }

    /// <summary>Its rules (WAFv2 only; Classic: empty).</summary>
    public Value<IReadOnlyList<WafRule>> Rules { get; init; }

    /// <summary>The group's own CloudWatch metrics (WAFv2 visibility config; Classic: always true).</summary>
    public Value<bool> MetricsEnabled { get; init; }
}

/// <summary>An association of a web ACL with a regional resource (load balancer, API stage, AppSync API, Cognito pool).</summary>
public sealed record WafWebAclAssociation : Resource
{
    /// <summary>The web ACL.</summary>
    public Value<ResourceRef?> WebAcl { get; init; }

    /// <summary>The protected resource.</summary>
    public Value<ResourceRef?> Target { get; init; }
}

/// <summary>An ACM certificate.</summary>
public sealed record AcmCertificate : Resource
{
    /// <summary>Primary domain name.</summary>
    public Value<string?> DomainName { get; init; }

    /// <summary>Subject alternative names.</summary>
    public Value<IReadOnlyList<string>> SubjectAlternativeNames { get; init; }

    /// <summary>Key algorithm (<c>RSA_2048</c>, <c>EC_prime256v1</c> ...).</summary>
    public Value<string?> KeyAlgorithm { get; init; }
}
