using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3BucketLifecycleConfigured : ResourceRule<S3Bucket>
{
    protected override Outcome Check(S3Bucket bucket, RuleContext context)
    {
        if (bucket.Lifecycle.IsUnknown)
        {
            return Outcome.Unknown($"Lifecycle rules cannot be read: {bucket.Lifecycle.UnknownReason}.", bucket.Lifecycle.Source);
        }

        var rules = bucket.Lifecycle.Get();
        if (rules.Any(r => r.Enabled.GetOrDefault()))
        {
            return Outcome.Pass("Bucket has an enabled lifecycle rule that bounds how long objects are kept.");
        }

        if (rules.Any(r => r.Enabled.IsUnknown))
        {
            return Outcome.Unknown("Whether the bucket's lifecycle rules are enabled is unknown until apply.", bucket.Lifecycle.Source);
        }

        return Outcome.Fail(
            rules.Count == 0 ? "Bucket has no lifecycle configuration: objects are kept forever." : "Every lifecycle rule of the bucket is disabled.",
            bucket.Lifecycle.Source);
    }
}
