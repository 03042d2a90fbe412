using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3BucketPublicAccessBlocked : ResourceRule<S3Bucket>
{
    protected override Outcome Check(S3Bucket bucket, RuleContext context)
    {
        if (bucket.PublicAccessBlock.IsUnknown)
        {
            return Outcome.Unknown($"Public access block cannot be read: {bucket.PublicAccessBlock.UnknownReason}.");
        }

        var pab = bucket.PublicAccessBlock.Get();
        if (pab is null)
        {
            return Outcome.Fail("Bucket has no public access block.");
        }

        if (pab.AllTrue)
        {
            return Outcome.Pass("All four public access block settings are on.");
        }

        if (pab.AnyUnknown)
        {
            return Outcome.Unknown("Some public access block settings are unknown until apply.");
        }

        var off = new[]
        {
            ("block_public_acls", pab.BlockPublicAcls), ("block_public_policy", pab.BlockPublicPolicy),
            ("ignore_public_acls", pab.IgnorePublicAcls), ("restrict_public_buckets", pab.RestrictPublicBuckets),
        }.Where(s => !s.Item2.Get()).ToList();
        return Outcome.Fail(
            $"Public access block leaves {string.Join(", ", off.Select(s => s.Item1))} off.",
            off[0].Item2.Source);
    }
}
