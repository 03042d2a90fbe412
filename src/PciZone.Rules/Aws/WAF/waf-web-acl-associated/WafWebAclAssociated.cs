using PciZone.Estate;

namespace PciZone.Rules.Aws.WAF;

internal sealed class WafWebAclAssociated : ResourceRule<WafWebAcl>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(WafWebAcl), typeof(WafWebAclAssociation), typeof(CloudFrontDistribution)];

    protected override Outcome Check(WafWebAcl acl, RuleContext context)
    {
        var index = WebAclAssociations.Of(context.Estate);
        if (index.UserByAcl.TryGetValue(acl, out var user))
        {
            return Outcome.Pass($"The web ACL protects {user.Address}.");
        }

        return index.UnresolvedAclUser is { } unresolved
            ? Outcome.Unknown($"Nothing in the estate names this web ACL, but {unresolved.Address} names a web ACL that cannot be resolved offline.", unresolved.Provenance)
            : Outcome.Fail("The web ACL protects nothing: no association or CloudFront distribution in the estate uses it.");
    }
}
