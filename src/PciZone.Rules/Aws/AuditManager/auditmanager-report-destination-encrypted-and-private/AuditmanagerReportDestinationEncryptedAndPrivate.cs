using PciZone.Compliance;
using PciZone.Estate;
using PciZone.Rules.Aws.S3;

namespace PciZone.Rules.Aws.AuditManager;

internal sealed class AuditmanagerReportDestinationEncryptedAndPrivate : ResourceRule<AuditManagerAssessment>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(AuditManagerAssessment), typeof(S3Bucket), typeof(S3AccountPublicAccessBlock)];

    protected override Outcome Check(AuditManagerAssessment assessment, RuleContext context)
    {
        var destination = assessment.ReportsDestination;
        if (destination.IsUnknown)
        {
            return Outcome.Unknown($"The report destination is unknown: {destination.UnknownReason}.", destination.Source);
        }

        if (destination.Get() is not { } reference)
        {
            return Outcome.Fail("The assessment names no report destination, so its reports cannot be kept under access control.", destination.Source);
        }

        // Audit Manager takes an S3 URI, s3://bucket[/prefix].
        var target = reference.Address is not null ? reference : ResourceRef.Id(BucketName(reference.Literal ?? ""));
        if (S3Buckets.Resolve(context.Estate, Value.Of<ResourceRef?>(target, destination.Source)) is not { } bucket)
        {
            return Outcome.Unknown($"Report destination {reference} is not in the scanned estate.", destination.Source);
        }

        var encrypted = bucket.Encryption.Map(e => e?.Algorithm.GetOrDefault() is "aws:kms" or "aws:kms:dsse");
        var exposure = S3PublicAccess.Assess(bucket, context.Estate);
        var checks = new List<(Value<bool> Ok, string Gap)>
        {
            (encrypted, "is not encrypted with SSE-KMS"),
            (exposure.Status switch
            {
                FindingStatus.Pass => Value.Of(true, bucket.Provenance),
                FindingStatus.Fail => Value.Of(false, exposure.Evidence ?? bucket.Provenance),
                _ => Value.Unknown<bool>(exposure.Message, exposure.Evidence ?? bucket.Provenance),
            }, $"is public ({exposure.Message.TrimEnd('.')})"),
        };
        return CloudTrail.TrailGaps.Decide(checks,
            $"Assessment reports go to bucket {bucket.Address}, which is SSE-KMS encrypted and not public.",
            $"Report destination bucket {bucket.Address}");
    }

    private static string BucketName(string uri)
    {
        var name = uri.StartsWith("s3://", StringComparison.Ordinal) ? uri[5..] : uri;
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? name : name[..slash];
    }
}
