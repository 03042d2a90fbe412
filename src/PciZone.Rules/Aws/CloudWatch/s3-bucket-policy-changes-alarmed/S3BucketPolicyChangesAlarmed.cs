namespace PciZone.Rules.Aws.CloudWatch;

internal sealed class S3BucketPolicyChangesAlarmed() : TrailEventAlarmRule(
    "S3 bucket policy and ACL changes",
    CloudTrailSamples.Api("s3.amazonaws.com", "PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication", "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication"));
