using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3BucketVersioningEnabled : ResourceRule<S3Bucket>
{
    protected override Outcome Check(S3Bucket bucket, RuleContext context) =>
        Outcome.MustBeTrue(bucket.VersioningEnabled, "Versioning is enabled.", "Versioning is not enabled (never enabled or suspended).");
}
