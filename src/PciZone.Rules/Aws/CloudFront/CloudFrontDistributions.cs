using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudFront;

/// <summary>Shared reading of a distribution's behaviours and origins.</summary>
internal static class CloudFrontDistributions
{
    /// <summary>Custom (non-S3) origins; Unknown when the origin list is.</summary>
    public static Value<IReadOnlyList<CloudFrontOrigin>> CustomOrigins(CloudFrontDistribution d) =>
        d.Origins.Map<IReadOnlyList<CloudFrontOrigin>>(o => o.Where(x => x.Custom is not null).ToList());

    /// <summary>S3 (REST endpoint) origins; Unknown when the origin list is.</summary>
    public static Value<IReadOnlyList<CloudFrontOrigin>> S3Origins(CloudFrontDistribution d) =>
        d.Origins.Map<IReadOnlyList<CloudFrontOrigin>>(o => o.Where(x => x.Custom is null).ToList());

    /// <summary>True when the origin's domain is an S3 static website endpoint (a public bucket).</summary>
    public static bool IsS3Website(CloudFrontOrigin origin) =>
        origin.DomainName.GetOrDefault() is { } domain && domain.Contains(".s3-website", StringComparison.OrdinalIgnoreCase);

    /// <summary>Names a behaviour in a message.</summary>
    public static string Name(CloudFrontCacheBehavior b) => b.PathPattern == "*" ? "the default behaviour" : $"behaviour '{b.PathPattern}'";
}
