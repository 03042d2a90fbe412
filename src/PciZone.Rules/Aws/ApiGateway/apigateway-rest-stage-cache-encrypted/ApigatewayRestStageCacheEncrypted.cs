using PciZone.Estate;

namespace PciZone.Rules.Aws.ApiGateway;

internal sealed class ApigatewayRestStageCacheEncrypted : ResourceRule<ApiGatewayStage>
{
    // Only stages where some method caches responses hold data to encrypt.
    protected override bool AppliesTo(ApiGatewayStage stage, RuleContext context) =>
        stage.Kind == "rest" &&
        (!stage.MethodSettings.TryGet(out var settings) || settings.Any(s => !s.CachingEnabled.IsKnown || s.CachingEnabled.Get()));

    protected override Outcome Check(ApiGatewayStage stage, RuleContext context)
    {
        if (!stage.MethodSettings.TryGet(out var settings))
        {
            return Outcome.Unknown($"Method settings cannot be read: {stage.MethodSettings.UnknownReason}.", stage.MethodSettings.Source);
        }

        // A per-method setting inherits what it does not write from the stage-wide one.
        var stageWide = settings.LastOrDefault(s => s.IsStageWide);
        foreach (var s in settings.Where(s => !s.CachingEnabled.IsKnown || s.CachingEnabled.Get()))
        {
            var encrypted = !s.IsStageWide && s.CacheDataEncrypted.IsDefault && stageWide is not null ? stageWide.CacheDataEncrypted : s.CacheDataEncrypted;
            if (s.CachingEnabled.IsUnknown || encrypted.IsUnknown)
            {
                return Outcome.Unknown($"Caching or cache encryption of {s.MethodPath} is unknown until apply.", encrypted.Source);
            }

            if (!encrypted.Get())
            {
                return Outcome.Fail($"{s.MethodPath} caches responses unencrypted.", s.CacheDataEncrypted.Source);
            }
        }

        return Outcome.Pass("Every method that caches responses encrypts the cache.");
    }
}
