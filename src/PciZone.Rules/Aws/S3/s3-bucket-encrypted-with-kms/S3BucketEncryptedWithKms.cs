using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3BucketEncryptedWithKms : ResourceRule<S3Bucket>
{
    protected override Outcome Check(S3Bucket bucket, RuleContext context)
    {
        if (bucket.Encryption.IsUnknown)
        {
            return Outcome.Unknown($"Default encryption cannot be read: {bucket.Encryption.UnknownReason}.", bucket.Encryption.Source);
        }

        if (bucket.Encryption.Get() is not { } encryption)
        {
            return Outcome.Fail("Bucket has no default encryption configuration, so S3 applies SSE-S3 (AES256) rather than SSE-KMS.");
        }

        var algorithm = encryption.Algorithm;
        if (algorithm.IsUnknown)
        {
            return Outcome.Unknown($"Default encryption algorithm is unknown: {algorithm.UnknownReason}.", algorithm.Source);
        }

        if (algorithm.Get() is "aws:kms" or "aws:kms:dsse")
        {
            return Outcome.Pass($"Default encryption is SSE-KMS ({algorithm.Get()}).");
        }

        // Elastic Load Balancing delivers access logs only into SSE-S3 buckets; KMS would stop the logs.
        return algorithm.Get() == "AES256" && bucket.Policy.GetOrDefault() is { } policy && S3PolicyFacts.AllowsElbLogDelivery(policy)
            ? Outcome.Pass("Default encryption is SSE-S3, the only encryption Elastic Load Balancing can deliver access logs into.")
            : Outcome.Fail($"Default encryption is {algorithm.Get()}, not SSE-KMS (aws:kms or aws:kms:dsse).", algorithm.Source);
    }
}
