using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudFront;

internal sealed class CloudfrontDefaultRootObjectSet : ResourceRule<CloudFrontDistribution>
{
    // A custom origin (an application, an API) decides itself what its root returns.
    protected override bool AppliesTo(CloudFrontDistribution d, RuleContext context) =>
        CloudFrontDistributions.S3Origins(d) is not { IsKnown: true } origins || origins.Get().Count > 0;

    protected override Outcome Check(CloudFrontDistribution d, RuleContext context) =>
        Outcome.MustBeTrue(d.DefaultRootObject.Map(o => !string.IsNullOrEmpty(o)),
            $"The root URL returns '{d.DefaultRootObject.GetOrDefault()}'.",
            "No default root object: a request for the root URL of an S3 origin can list or expose the bucket's contents.");
}
