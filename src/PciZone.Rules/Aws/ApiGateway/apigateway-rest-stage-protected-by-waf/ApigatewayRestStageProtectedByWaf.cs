using PciZone.Estate;
using PciZone.Rules.Aws.WAF;

namespace PciZone.Rules.Aws.ApiGateway;

internal sealed class ApigatewayRestStageProtectedByWaf : ResourceRule<ApiGatewayStage>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(ApiGatewayStage), typeof(WafWebAclAssociation)];

    // WAF cannot be associated with HTTP or WebSocket APIs.
    protected override bool AppliesTo(ApiGatewayStage stage, RuleContext context) => stage.Kind == "rest";

    protected override Outcome Check(ApiGatewayStage stage, RuleContext context)
    {
        var index = WebAclAssociations.Of(context.Estate);
        if (index.AclByTarget.TryGetValue(stage.Address, out var acl))
        {
            return Outcome.Pass($"Web ACL {acl} filters requests to the stage.");
        }

        return index.Unresolved is { } association
            ? Outcome.Unknown($"No web ACL association names the stage, but association {association.Address} names a resource that cannot be resolved offline.", association.Target.Source)
            : Outcome.Fail("No WAF web ACL is associated with the stage.");
    }
}
