using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudFront;

internal sealed class CloudfrontResponsesSendHsts : ResourceRule<CloudFrontDistribution>
{
    private const int OneYear = 31_536_000;

    // Managed policies that send Strict-Transport-Security: max-age=31536000.
    private static readonly string[] ManagedWithHsts =
    [
        "67f7725c-6f97-4210-82d7-5512b31e9d03", // SecurityHeadersPolicy
        "e61eb60c-9c35-4d20-a928-2b84e02af89c", // CORS-and-SecurityHeadersPolicy
        "eaab4381-ed33-4a86-88ca-d9558dc6cd63", // CORS-with-preflight-and-SecurityHeadersPolicy
    ];

    public override IReadOnlyList<Type> EstateTypes => [typeof(CloudFrontDistribution), typeof(CloudFrontResponseHeadersPolicy)];

    protected override Outcome Check(CloudFrontDistribution d, RuleContext context)
    {
        if (!d.CacheBehaviors.TryGet(out var behaviors))
        {
            return Outcome.Unknown($"Cache behaviours cannot be read: {d.CacheBehaviors.UnknownReason}.", d.CacheBehaviors.Source);
        }

        foreach (var b in behaviors)
        {
            var name = CloudFrontDistributions.Name(b);
            if (!b.ResponseHeadersPolicy.TryGet(out var reference))
            {
                return Outcome.Unknown($"The response headers policy of {name} is unknown: {b.ResponseHeadersPolicy.UnknownReason}.", b.ResponseHeadersPolicy.Source);
            }

            if (reference is null)
            {
                return Outcome.Fail($"{name} has no response headers policy, so responses carry no Strict-Transport-Security header.", b.ResponseHeadersPolicy.Source);
            }

            if (reference.Literal is { } id && ManagedWithHsts.Contains(id, StringComparer.Ordinal))
            {
                continue;
            }

            if (context.Estate.Resolve<CloudFrontResponseHeadersPolicy>(reference) is not { } policy)
            {
                return Outcome.Unknown($"The response headers policy {reference} of {name} is neither in the scanned estate nor a managed policy with HSTS.", b.ResponseHeadersPolicy.Source);
            }

            if (!policy.HstsMaxAgeSeconds.TryGet(out var maxAge))
            {
                return Outcome.Unknown($"The HSTS max-age of {policy.Address} is unknown: {policy.HstsMaxAgeSeconds.UnknownReason}.", policy.HstsMaxAgeSeconds.Source);
            }

            if (maxAge is not >= OneYear)
            {
                return Outcome.Fail(maxAge is null
                    ? $"The response headers policy {policy.Address} of {name} sends no Strict-Transport-Security header."
                    : $"The response headers policy {policy.Address} of {name} sets HSTS max-age {maxAge}s, under one year.", policy.HstsMaxAgeSeconds.Source);
            }
        }

        return Outcome.Pass("Every cache behaviour sends Strict-Transport-Security for at least a year.");
    }
}
