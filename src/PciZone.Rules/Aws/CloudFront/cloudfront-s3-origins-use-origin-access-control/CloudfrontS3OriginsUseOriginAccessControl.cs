using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudFront;

internal sealed class CloudfrontS3OriginsUseOriginAccessControl : ResourceRule<CloudFrontDistribution>
{
    protected override bool AppliesTo(CloudFrontDistribution d, RuleContext context) =>
        !d.Origins.TryGet(out var origins) || origins.Any(o => o.Custom is null || CloudFrontDistributions.IsS3Website(o));

    protected override Outcome Check(CloudFrontDistribution d, RuleContext context)
    {
        if (!d.Origins.TryGet(out var origins))
        {
            return Outcome.Unknown($"Origins cannot be read: {d.Origins.UnknownReason}.", d.Origins.Source);
        }

        var legacy = new List<string>();
        foreach (var o in origins)
        {
            if (CloudFrontDistributions.IsS3Website(o))
            {
                return Outcome.Fail($"Origin '{o.Id}' is an S3 website endpoint, which only serves public buckets.", o.DomainName.Source);
            }

            if (o.Custom is not null)
            {
                continue;
            }

            if (o.OriginAccessControl.IsUnknown)
            {
                return Outcome.Unknown($"The origin access control of origin '{o.Id}' is unknown: {o.OriginAccessControl.UnknownReason}.", o.OriginAccessControl.Source);
            }

            if (o.OriginAccessControl.Get() is not null)
            {
                continue;
            }

            if (o.OriginAccessIdentity.IsUnknown)
            {
                return Outcome.Unknown($"The origin access identity of origin '{o.Id}' is unknown: {o.OriginAccessIdentity.UnknownReason}.", o.OriginAccessIdentity.Source);
            }

            if (string.IsNullOrEmpty(o.OriginAccessIdentity.Get()))
            {
                return Outcome.Fail($"S3 origin '{o.Id}' has neither an origin access control nor an origin access identity, so the bucket must be readable by anyone.", o.OriginAccessControl.Source);
            }

            legacy.Add(o.Id);
        }

        return legacy.Count == 0
            ? Outcome.Pass("Every S3 origin uses an origin access control.")
            : Outcome.Pass($"Every S3 origin is private to CloudFront; {string.Join(", ", legacy)} still use a legacy origin access identity.");
    }
}
