using PciZone.Estate;

namespace PciZone.Rules.Aws.ApiGateway;

internal sealed class ApigatewayRestStageXrayTracingEnabled : ResourceRule<ApiGatewayStage>
{
    // HTTP and WebSocket APIs (v2) cannot be traced with X-Ray.
    protected override bool AppliesTo(ApiGatewayStage stage, RuleContext context) => stage.Kind == "rest";

    protected override Outcome Check(ApiGatewayStage stage, RuleContext context) =>
        Outcome.MustBeTrue(stage.XRayTracing,
            "X-Ray traces requests through the stage.",
            "X-Ray tracing is off (the default), so requests through the stage cannot be followed to the backend.");
}
