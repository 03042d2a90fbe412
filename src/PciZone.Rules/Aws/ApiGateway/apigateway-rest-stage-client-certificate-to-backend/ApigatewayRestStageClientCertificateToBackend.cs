using PciZone.Estate;

namespace PciZone.Rules.Aws.ApiGateway;

internal sealed class ApigatewayRestStageClientCertificateToBackend : ResourceRule<ApiGatewayStage>
{
    protected override bool AppliesTo(ApiGatewayStage stage, RuleContext context) => stage.Kind == "rest";

    protected override Outcome Check(ApiGatewayStage stage, RuleContext context) =>
        Outcome.MustBeTrue(stage.ClientCertificate.Map(c => c is not null),
            $"The stage presents client certificate {stage.ClientCertificate.GetOrDefault()} to its HTTP backends.",
            "The stage presents no client certificate, so HTTP backends cannot tell API Gateway's calls from anyone else's.");
}
