using PciZone.Compliance;

namespace PciZone.Reporting.Tests;

/// <summary>Rule descriptors shaped like the real rule.yaml files, written for these tests.</summary>
internal static class SampleRules
{
    public static RuleDescriptor SecurityGroupAdminPorts { get; } = Rule(
        "PCZ-EC2-001", "security-group-admin-ports-closed-to-internet", "Security groups do not open SSH or RDP to the internet",
        Severity.Critical, "EC2",
        "No ingress rule allows 0.0.0.0/0 or ::/0 to reach port 22 or 3389.",
        "An administration port open to the internet invites brute force and exploit attempts against CDE hosts.",
        "Limit the ingress rule to the bastion's or VPN's address range.",
        "resource \"aws_vpc_security_group_ingress_rule\" \"ssh\" {\n  cidr_ipv4 = \"10.0.0.0/16\"\n  from_port = 22\n  to_port   = 22\n}\n",
        "SshIngress:\n  Type: AWS::EC2::SecurityGroupIngress\n  Properties:\n    CidrIp: 10.0.0.0/16\n    FromPort: 22\n    ToPort: 22\n");

    public static RuleDescriptor KmsRotation { get; } = Rule(
        "PCZ-KMS-001", "kms-key-rotation-enabled", "Customer managed KMS keys rotate yearly",
        Severity.Medium, "KMS",
        "Every symmetric customer managed key has automatic rotation on.",
        "Keys that never rotate outlive their cryptoperiod; PCI DSS 3.7.4 requires changing them when it ends.",
        "Turn on automatic key rotation.",
        "resource \"aws_kms_key\" \"this\" {\n  enable_key_rotation = true\n}\n",
        "Key:\n  Type: AWS::KMS::Key\n  Properties:\n    EnableKeyRotation: true\n");

    public static RuleDescriptor S3Encrypted { get; } = Rule(
        "PCZ-S3-001", "s3-bucket-encrypted-at-rest", "S3 buckets encrypt objects at rest with KMS",
        Severity.High, "S3",
        "Default encryption of the bucket is aws:kms or aws:kms:dsse.",
        "Objects written without server-side encryption are stored readable to anyone with storage access.",
        "Configure default encryption with a KMS key.",
        "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"this\" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = \"aws:kms\"\n    }\n  }\n}\n",
        "Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    BucketEncryption:\n      ServerSideEncryptionConfiguration:\n        - ServerSideEncryptionByDefault:\n            SSEAlgorithm: aws:kms\n");

    public static RuleDescriptor S3PublicAccess { get; } = Rule(
        "PCZ-S3-002", "s3-bucket-public-access-blocked", "S3 buckets block all public access at bucket level",
        Severity.High, "S3",
        "Every bucket has a public access block with all four settings on.",
        "Without the block, one ACL or bucket-policy change can expose objects to the internet.",
        "Add a public access block to the bucket with all four settings set to true.",
        "resource \"aws_s3_bucket_public_access_block\" \"this\" {\n  bucket                  = aws_s3_bucket.this.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n",
        "Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    PublicAccessBlockConfiguration:\n      BlockPublicAcls: true\n      BlockPublicPolicy: true\n      IgnorePublicAcls: true\n      RestrictPublicBuckets: true\n",
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html");

    public static RuleDescriptor TrailMultiRegion { get; } = Rule(
        "PCZ-CT-001", "cloudtrail-multi-region-trail-enabled", "A multi-region CloudTrail trail records management events",
        Severity.Low, "CloudTrail",
        "At least one trail is multi-region, logging, and records read and write management events.",
        "Without a trail, changes to CDE resources leave no audit record.",
        "Create a multi-region trail.",
        "resource \"aws_cloudtrail\" \"main\" {\n  is_multi_region_trail = true\n}\n",
        "Trail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    IsMultiRegionTrail: true\n    IsLogging: true\n");

    /// <summary>The requirement mapping the sample report carries, in catalogue order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Requirements { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["PCZ-CT-001"] = ["10.2.1", "10.3.3"],
            ["PCZ-EC2-001"] = ["1.3.1", "1.4.2"],
            ["PCZ-KMS-001"] = ["3.7.4"],
            ["PCZ-S3-001"] = ["3.5.1"],
            ["PCZ-S3-002"] = ["1.4.4"],
        };

    private static RuleDescriptor Rule(
        string id, string slug, string title, Severity severity, string service, string description, string risk,
        string remediation, string terraform, string cloudFormation, params string[] references) => new()
        {
            Id = id,
            Slug = slug,
            Title = title,
            Severity = severity,
            Status = RuleStatus.Stable,
            Service = service,
            EstateTypes = [service + "Resource"],
            Formats = ["terraform", "cloudformation"],
            Description = description,
            Risk = risk,
            Remediation = remediation,
            RemediationTerraform = terraform,
            RemediationCloudFormation = cloudFormation,
            References = references,
        };
}
