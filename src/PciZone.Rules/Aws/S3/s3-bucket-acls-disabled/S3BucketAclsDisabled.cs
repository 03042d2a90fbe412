using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3BucketAclsDisabled : ResourceRule<S3Bucket>
{
    protected override Outcome Check(S3Bucket bucket, RuleContext context)
    {
        var ownership = bucket.ObjectOwnership;
        if (ownership.IsUnknown)
        {
            return Outcome.Unknown($"Object ownership cannot be read: {ownership.UnknownReason}.", ownership.Source);
        }

        return ownership.Get() == "BucketOwnerEnforced"
            ? Outcome.Pass(ownership.IsDefault ? "ACLs are disabled (BucketOwnerEnforced is the S3 default)." : "ACLs are disabled (BucketOwnerEnforced).")
            : Outcome.Fail($"Object ownership is {ownership.Get() ?? "not set"}, so ACLs still grant access; use BucketOwnerEnforced.", ownership.Source);
    }
}
