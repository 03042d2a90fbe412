using PciZone.Estate;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3BucketNotPublic : ResourceRule<S3Bucket>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(S3Bucket), typeof(S3AccountPublicAccessBlock)];

    protected override Outcome Check(S3Bucket bucket, RuleContext context) =>
        S3PublicAccess.Assess(bucket, context.Estate);
}
