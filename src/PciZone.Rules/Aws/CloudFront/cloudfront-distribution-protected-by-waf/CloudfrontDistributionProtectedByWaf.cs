using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudFront;

internal sealed class CloudfrontDistributionProtectedByWaf : ResourceRule<CloudFrontDistribution>
{
    protected override Outcome Check(CloudFrontDistribution d, RuleContext context) =>
        Outcome.MustBeTrue(d.WebAcl.Map(acl => acl is not null),
            $"A WAF web ACL filters requests ({d.WebAcl.GetOrDefault()}).",
            "No WAF web ACL is associated with the distribution.");
}
