using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudFront;

internal sealed class CloudfrontViewersUseHttps : ResourceRule<CloudFrontDistribution>
{
    protected override Outcome Check(CloudFrontDistribution d, RuleContext context)
    {
        if (!d.CacheBehaviors.TryGet(out var behaviors))
        {
            return Outcome.Unknown($"Cache behaviours cannot be read: {d.CacheBehaviors.UnknownReason}.", d.CacheBehaviors.Source);
        }

        foreach (var b in behaviors)
        {
            if (b.ViewerProtocolPolicy.IsUnknown)
            {
                return Outcome.Unknown($"The viewer protocol policy of {CloudFrontDistributions.Name(b)} is unknown: {b.ViewerProtocolPolicy.UnknownReason}.", b.ViewerProtocolPolicy.Source);
            }

            if (b.ViewerProtocolPolicy.Get() is not ("https-only" or "redirect-to-https"))
            {
                return Outcome.Fail($"{CloudFrontDistributions.Name(b)} serves viewers over plain HTTP (viewer protocol policy {b.ViewerProtocolPolicy.Get()}).", b.ViewerProtocolPolicy.Source);
            }
        }

        return Outcome.Pass($"All {behaviors.Count} cache behaviours redirect to or require HTTPS.");
    }
}
