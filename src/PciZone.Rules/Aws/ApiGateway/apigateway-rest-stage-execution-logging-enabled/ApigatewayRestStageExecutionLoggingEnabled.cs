using PciZone.Estate;

namespace PciZone.Rules.Aws.ApiGateway;

internal sealed class ApigatewayRestStageExecutionLoggingEnabled : ResourceRule<ApiGatewayStage>
{
    protected override bool AppliesTo(ApiGatewayStage stage, RuleContext context) => stage.Kind == "rest";

    protected override Outcome Check(ApiGatewayStage stage, RuleContext context)
    {
        if (!stage.MethodSettings.TryGet(out var settings))
        {
            return Outcome.Unknown($"Method settings cannot be read: {stage.MethodSettings.UnknownReason}.", stage.MethodSettings.Source);
        }

        var stageWide = settings.LastOrDefault(s => s.IsStageWide);
        if (stageWide is null)
        {
            return Outcome.Fail("No stage-wide method settings (*/*): execution logging is OFF.", stage.MethodSettings.Source);
        }

        // A per-method setting inherits what it does not write from the stage-wide one.
        foreach (var s in settings.Where(s => s.IsStageWide || !s.LoggingLevel.IsDefault))
        {
            if (s.LoggingLevel.IsUnknown)
            {
                return Outcome.Unknown($"The logging level of {s.MethodPath} is unknown: {s.LoggingLevel.UnknownReason}.", s.LoggingLevel.Source);
            }

            if (s.LoggingLevel.Get() is not ("ERROR" or "INFO"))
            {
                return Outcome.Fail($"Execution logging of {s.MethodPath} is {s.LoggingLevel.Get()}.", s.LoggingLevel.Source);
            }
        }

        return Outcome.Pass($"Execution logging is {stageWide.LoggingLevel.Get()} for every method.");
    }
}
