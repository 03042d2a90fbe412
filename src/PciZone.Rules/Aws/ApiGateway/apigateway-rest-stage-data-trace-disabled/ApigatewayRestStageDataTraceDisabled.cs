using PciZone.Estate;

namespace PciZone.Rules.Aws.ApiGateway;

internal sealed class ApigatewayRestStageDataTraceDisabled : ResourceRule<ApiGatewayStage>
{
    protected override bool AppliesTo(ApiGatewayStage stage, RuleContext context) => stage.Kind == "rest";

    protected override Outcome Check(ApiGatewayStage stage, RuleContext context)
    {
        if (!stage.MethodSettings.TryGet(out var settings))
        {
            return Outcome.Unknown($"Method settings cannot be read: {stage.MethodSettings.UnknownReason}.", stage.MethodSettings.Source);
        }

        foreach (var s in settings)
        {
            if (s.DataTraceEnabled.IsUnknown)
            {
                return Outcome.Unknown($"Data tracing of {s.MethodPath} is unknown: {s.DataTraceEnabled.UnknownReason}.", s.DataTraceEnabled.Source);
            }

            if (s.DataTraceEnabled.Get())
            {
                return Outcome.Fail($"{s.MethodPath} logs full request and response bodies (data trace), which can write PAN or authentication data into CloudWatch Logs.", s.DataTraceEnabled.Source);
            }
        }

        return Outcome.Pass("No method logs full request or response bodies.");
    }
}
