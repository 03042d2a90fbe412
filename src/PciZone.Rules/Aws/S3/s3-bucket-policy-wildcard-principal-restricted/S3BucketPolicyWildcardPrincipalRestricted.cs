using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3BucketPolicyWildcardPrincipalRestricted : ResourceRule<S3Bucket>
{
    protected override Outcome Check(S3Bucket bucket, RuleContext context)
    {
        if (bucket.Policy.IsUnknown)
        {
            return Outcome.Unknown($"Bucket policy cannot be read: {bucket.Policy.UnknownReason}.", bucket.Policy.Source);
        }

        var open = bucket.Policy.Get() is { } policy ? S3PolicyFacts.PublicAllows(policy) : [];
        return open.Count == 0
            ? Outcome.Pass("Bucket policy allows nothing to a wildcard principal without a restricting condition.")
            : Outcome.Fail(
                $"Bucket policy allows a wildcard principal (or NotPrincipal) without a fixed account, organisation, network or source condition (statement {string.Join(", ", open.Select(s => s.Sid ?? "without Sid"))}).",
                bucket.Policy.Source);
    }
}
