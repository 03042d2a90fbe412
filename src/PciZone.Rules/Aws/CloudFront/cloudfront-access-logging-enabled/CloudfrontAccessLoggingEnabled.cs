using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudFront;

internal sealed class CloudfrontAccessLoggingEnabled : ResourceRule<CloudFrontDistribution>
{
    protected override Outcome Check(CloudFrontDistribution d, RuleContext context)
    {
        if (d.LoggingBucket.IsUnknown)
        {
            return Outcome.Unknown($"Standard logging cannot be read: {d.LoggingBucket.UnknownReason}.", d.LoggingBucket.Source);
        }

        if (d.LoggingBucket.Get() is { } bucket)
        {
            return Outcome.Pass($"Standard access logs go to {bucket}.");
        }

        var behaviors = d.CacheBehaviors.GetOrDefault([])!;
        if (behaviors.Any(b => b.RealtimeLogConfig.IsUnknown))
        {
            return Outcome.Unknown("No standard logging, and a real-time log configuration is unknown until apply.", d.Provenance);
        }

        var unlogged = behaviors.FirstOrDefault(b => b.RealtimeLogConfig.GetOrDefault() is null);
        return behaviors.Count > 0 && unlogged is null
            ? Outcome.Pass("Every cache behaviour sends real-time logs.")
            : Outcome.Fail($"Access logging is off: no standard logging, and {(unlogged is null ? "no behaviour" : CloudFrontDistributions.Name(unlogged))} sends real-time logs.", d.LoggingBucket.Source);
    }
}
