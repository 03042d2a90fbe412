using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3BucketPolicyDeniesInsecureTransport : ResourceRule<S3Bucket>
{
    protected override Outcome Check(S3Bucket bucket, RuleContext context)
    {
        if (bucket.Policy.IsUnknown)
        {
            return Outcome.Unknown($"Bucket policy cannot be read: {bucket.Policy.UnknownReason}.", bucket.Policy.Source);
        }

        if (bucket.Policy.Get() is not { } policy)
        {
            return Outcome.Fail("Bucket has no policy, so plain-HTTP requests are not denied.");
        }

        var gap = S3PolicyFacts.InsecureTransportGap(policy, bucket.BucketName.GetOrDefault());
        return gap is null
            ? Outcome.Pass("Bucket policy denies every request made without TLS.")
            : Outcome.Fail($"{gap}.", bucket.Policy.Source);
    }
}
