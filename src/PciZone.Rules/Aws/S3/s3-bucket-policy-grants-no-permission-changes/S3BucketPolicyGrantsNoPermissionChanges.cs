using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3BucketPolicyGrantsNoPermissionChanges : ResourceRule<S3Bucket>
{
    // Actions that change who may access the bucket or how its data is protected.
    private static readonly string[] PermissionChanges =
    [
        "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketAcl", "s3:PutObjectAcl", "s3:PutObjectVersionAcl",
        "s3:PutEncryptionConfiguration", "s3:PutBucketPublicAccessBlock", "s3:PutBucketOwnershipControls",
    ];

    protected override Outcome Check(S3Bucket bucket, RuleContext context)
    {
        if (bucket.Policy.IsUnknown)
        {
            return Outcome.Unknown($"Bucket policy cannot be read: {bucket.Policy.UnknownReason}.", bucket.Policy.Source);
        }

        var grants = (bucket.Policy.Get()?.Allows ?? [])
            .Select(s => (Statement: s, Actions: PermissionChanges.Where(s.MatchesAction).ToList()))
            .Where(g => g.Actions.Count > 0)
            .ToList();
        if (grants.Count == 0)
        {
            return Outcome.Pass("Bucket policy grants no action that changes the bucket's permissions or encryption.");
        }

        var first = grants[0];
        return Outcome.Fail(
            $"Bucket policy grants {string.Join(", ", first.Actions)} (statement {first.Statement.Sid ?? "without Sid"}{(grants.Count > 1 ? $" and {grants.Count - 1} more" : "")}): principals outside the owner's IAM can change who reads the bucket.",
            bucket.Policy.Source);
    }
}
