using PciZone.Estate;
using PciZone.Rules.Aws.Backup;

namespace PciZone.Rules.Aws.S3;

internal sealed class S3BucketProtectedByBackupPlan : BackupProtectedRule<S3Bucket>
{
    protected override string Noun => "bucket";

    // AWS Backup needs versioning to back up a bucket; selected without it, every backup job fails.
    protected override Outcome? Blocker(S3Bucket resource) =>
        resource.VersioningEnabled switch
        {
            { IsUnknown: true } v => Outcome.Unknown($"A backup selection picks the bucket, but whether versioning (which AWS Backup needs) is on is unknown: {v.UnknownReason}.", v.Source),
            { IsKnown: true } v when !v.Get() => Outcome.Fail("A backup selection picks the bucket, but versioning is off: AWS Backup cannot back up a bucket without versioning.", v.Source),
            _ => null,
        };
}
