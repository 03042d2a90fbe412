using PciZone.Estate;

namespace PciZone.Rules.Aws.ApiGateway;

internal sealed class ApigatewayStageAccessLoggingEnabled : ResourceRule<ApiGatewayStage>
{
    protected override Outcome Check(ApiGatewayStage stage, RuleContext context)
    {
        if (stage.AccessLogDestination.IsUnknown)
        {
            return Outcome.Unknown($"The access log destination is unknown: {stage.AccessLogDestination.UnknownReason}.", stage.AccessLogDestination.Source);
        }

        if (stage.AccessLogDestination.Get() is not { } destination)
        {
            return Outcome.Fail("Access logging is off: the stage has no access log destination.", stage.AccessLogDestination.Source);
        }

        return stage.AccessLogFormat.IsUnknown || !string.IsNullOrWhiteSpace(stage.AccessLogFormat.GetOrDefault())
            ? Outcome.Pass($"Access logs go to {destination}.")
            : Outcome.Fail("The access log destination is set but no log format is.", stage.AccessLogFormat.Source);
    }
}
