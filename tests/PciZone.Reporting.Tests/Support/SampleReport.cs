using PciZone.Compliance;

namespace PciZone.Reporting.Tests;

/// <summary>A realistic scan: a Terraform plan and a CloudFormation template, every status, a skipped file and a read error.</summary>
internal static class SampleReport
{
    public static ScanReport Create() => Build(Findings());

    /// <summary>A report over the sample rules with these findings (sorted as the engine sorts them).</summary>
    public static ScanReport Build(IEnumerable<Finding> findings) =>
        new(
            "1.4.0",
            findings.OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.ResourceAddress, StringComparer.Ordinal).ToList(),
            [SampleRules.TrailMultiRegion, SampleRules.SecurityGroupAdminPorts, SampleRules.KmsRotation, SampleRules.S3Encrypted, SampleRules.S3PublicAccess],
            [new ScannedInput("plans/prod.plan.json", "terraform-plan", 42), new ScannedInput("templates/network stack.yaml", "cloudformation", 7)],
            [new SkippedInput("plans/variables.json", "JSON file is neither a Terraform plan nor a CloudFormation template")],
            [new ReportError("templates/broken.yaml", 14, "mapping values are not allowed in this context")],
            RequirementCatalogue.PciDss401)
        {
            RuleRequirements = SampleRules.Requirements,
        };

    public static Finding F(
        RuleDescriptor rule, FindingStatus status, string address, string type, string file, int line, string message, string? reason = null) =>
        new()
        {
            Rule = rule,
            Status = status,
            Requirements = SampleRules.Requirements[rule.Id],
            ResourceAddress = address,
            ResourceType = type,
            File = file,
            Line = line,
            Message = message,
            SuppressionReason = reason,
        };

    private static IEnumerable<Finding> Findings()
    {
        const string Plan = "plans/prod.plan.json";
        const string Cfn = "templates/network stack.yaml";
        yield return F(SampleRules.TrailMultiRegion, FindingStatus.Fail, "module.audit.aws_cloudtrail.main", "aws_cloudtrail", Plan, 88,
            "Trail \"main\" records only the region it is created in; IsMultiRegionTrail is false.");
        yield return F(SampleRules.SecurityGroupAdminPorts, FindingStatus.Fail, "module.network.aws_security_group.bastion", "aws_security_group", Plan, 131,
            "Ingress rule 0 allows 0.0.0.0/0 to port 22 (SSH).");
        yield return F(SampleRules.SecurityGroupAdminPorts, FindingStatus.Pass, "module.network.aws_security_group.app", "aws_security_group", Plan, 102,
            "No ingress rule opens port 22 or 3389 to the internet.");
        yield return F(SampleRules.SecurityGroupAdminPorts, FindingStatus.Unknown, "WebSecurityGroup", "AWS::EC2::SecurityGroup", Cfn, 23,
            "CidrIp comes from parameter AdminCidr, whose value is not known until deployment.");
        yield return F(SampleRules.S3Encrypted, FindingStatus.Pass, "module.data.aws_s3_bucket.cardholder", "aws_s3_bucket", Plan, 12,
            "Default encryption is aws:kms with key alias/cde-data.");
        yield return F(SampleRules.S3Encrypted, FindingStatus.Suppressed, "module.data.aws_s3_bucket.public_assets", "aws_s3_bucket", Plan, 40,
            "Default encryption is AES256 (SSE-S3), not KMS.",
            "Public marketing assets, no cardholder data; exception PCI-EX-0042 until 2026-06-30");
        yield return F(SampleRules.S3PublicAccess, FindingStatus.Pass, "module.data.aws_s3_bucket.cardholder", "aws_s3_bucket", Plan, 12,
            "All four public access block settings are on.");
        yield return F(SampleRules.S3PublicAccess, FindingStatus.Fail, "module.data.aws_s3_bucket.public_assets", "aws_s3_bucket", Plan, 40,
            "Bucket \"acme-assets\" has no public access block, so a bucket policy or ACL can make objects public.");
        yield return F(SampleRules.S3PublicAccess, FindingStatus.Fail, "LogsBucket", "AWS::S3::Bucket", Cfn, 0,
            "PublicAccessBlockConfiguration sets BlockPublicAcls and IgnorePublicAcls but not BlockPublicPolicy, RestrictPublicBuckets; "
            + "a policy granting s3:GetObject to \"*\" would take effect immediately and expose every object in the bucket.");
    }
}
