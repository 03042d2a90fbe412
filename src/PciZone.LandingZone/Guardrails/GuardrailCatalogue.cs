using System.Text.Json.Nodes;
using PciZone.LandingZone.Spec;
using static PciZone.LandingZone.Guardrails.Iam;

namespace PciZone.LandingZone.Guardrails;

/// <summary>
/// The built-in SCP guardrails. Protective denies exempt the deployment role (Terraform must still manage
/// what it protects) and the break-glass role; key deletion exempts only break-glass.
/// </summary>
internal static class GuardrailCatalogue
{
    /// <summary>Services that are global or are called in us-east-1 whatever the home region; the region guardrail must not block them.</summary>
    private static readonly string[] GlobalServices =
    [
        "account:*", "aws-portal:*", "budgets:*", "ce:*", "cloudfront:*", "cur:*", "globalaccelerator:*", "health:*",
        "iam:*", "identitystore:*", "organizations:*", "pricing:*", "route53:*", "route53domains:*", "shield:*",
        "sso:*", "sso-directory:*", "sts:*", "support:*", "tag:*", "trustedadvisor:*", "waf:*", "wafv2:*",
    ];

    public static IReadOnlyList<Guardrail> All { get; } =
    [
        new("deny-leave-organization", "Accounts cannot leave the organisation (and its guardrails)", ["12.5.2", "7.2.1"], [Ous.Root],
            _ => [Deny("DenyLeaveOrganization", Strings("organizations:LeaveOrganization"))]),
        new("protect-security-services", "CloudTrail, Config, GuardDuty, Security Hub and Access Analyzer cannot be stopped, deleted or weakened",
            ["10.2.1.6", "10.3.2", "10.7.2", "11.5.1"], [Ous.Root],
            s => [Deny("ProtectSecurityServices", Strings(
                "cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors",
                "config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel", "config:DeleteConfigurationAggregator",
                "guardduty:DeleteDetector", "guardduty:UpdateDetector", "guardduty:DisassociateFromAdministratorAccount", "guardduty:DisassociateFromMasterAccount",
                "guardduty:StopMonitoringMembers", "guardduty:DeleteMembers",
                "securityhub:DisableSecurityHub", "securityhub:BatchDisableStandards", "securityhub:DisassociateFromAdministratorAccount",
                "securityhub:DisassociateFromMasterAccount", "securityhub:DeleteMembers",
                "access-analyzer:DeleteAnalyzer"), ExceptRoles(s.Organization.DeploymentRole, s.Organization.BreakGlassRole))]),
        new("deny-root-user", "The root user of member accounts can do nothing", ["7.2.1", "8.2.2"], [Ous.Root],
            _ => [Deny("DenyRootUser", Strings("*"), new JsonObject { ["StringLike"] = new JsonObject { ["aws:PrincipalArn"] = "arn:aws:iam::*:root" } })]),
        new("restrict-regions", "Only the allowed regions can be used", ["12.5.2", "1.2.1"], [Ous.Root],
            s => [Deny("RestrictRegions", Strings(GlobalServices), ExceptRoles(s.Organization.BreakGlassRole)
                .With("StringNotEquals", "aws:RequestedRegion", Strings([.. s.Organization.AllowedRegions])), notAction: true)]),
        new("protect-s3-public-access-block", "Account-level S3 Block Public Access cannot be turned off", ["1.3.1", "1.4.4"], [Ous.Root],
            s => [Deny("ProtectS3PublicAccessBlock", Strings("s3:PutAccountPublicAccessBlock"), ExceptRoles(s.Organization.DeploymentRole))]),
        new("deny-kms-key-deletion", "KMS keys cannot be disabled or scheduled for deletion except by break-glass", ["3.6.1", "3.7.5"], [Ous.Root],
            s => [Deny("DenyKmsKeyDeletion", Strings("kms:ScheduleKeyDeletion", "kms:DeleteImportedKeyMaterial", "kms:DisableKey"), ExceptRoles(s.Organization.BreakGlassRole))]),
        new("deny-insecure-s3-transport", "S3 is reachable only over TLS", ["4.2.1", "2.2.7"], [Ous.Root],
            _ => [Deny("DenyInsecureS3Transport", Strings("s3:*"), new JsonObject { ["Bool"] = new JsonObject { ["aws:SecureTransport"] = "false" } })]),
        new("require-imdsv2", "EC2 instances require IMDSv2 session tokens", ["2.2.6", "6.4.1"], [Ous.Root],
            _ =>
            [
                Deny("RequireImdsv2", Strings("ec2:RunInstances"), new JsonObject { ["StringNotEquals"] = new JsonObject { ["ec2:MetadataHttpTokens"] = "required" } }, "arn:aws:ec2:*:*:instance/*"),
                Deny("DenyImdsv1Credentials", Strings("*"), new JsonObject { ["NumericLessThan"] = new JsonObject { ["ec2:RoleDelivery"] = "2.0" } }),
                Deny("DenyImdsOptionsChange", Strings("ec2:ModifyInstanceMetadataOptions")),
            ]),
        new("deny-iam-users", "Workload accounts have no IAM users or access keys: people come in through Identity Center", ["8.2.1", "8.2.2", "8.3.1"],
            [Ous.Workloads, Ous.Sandbox],
            s => [Deny("DenyIamUsers", Strings("iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile"), ExceptRoles(s.Organization.BreakGlassRole))]),
        new("protect-log-archive", "The log archive's buckets, their policies, lock, lifecycle and objects cannot be changed or deleted", ["10.3.2", "10.3.3", "10.5.1"],
            [Ous.Security],
            s => [Deny("ProtectLogArchive", Strings(
                    "s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:PutBucketPolicy", "s3:PutBucketObjectLockConfiguration", "s3:PutLifecycleConfiguration",
                    "s3:PutBucketVersioning", "s3:PutBucketLogging", "s3:PutEncryptionConfiguration", "s3:PutBucketAcl", "s3:PutBucketOwnershipControls",
                    "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectRetention", "s3:BypassGovernanceRetention"),
                ExceptRoles(s.Organization.DeploymentRole, s.Organization.BreakGlassRole),
                Strings([.. Naming.LogArchiveBucketPatterns(s)]))]),
        new("deny-all-suspended", "Suspended accounts can do nothing", ["8.2.5", "12.5.2"], [Ous.Suspended],
            _ => [Deny("DenyAllSuspended", Strings("*"))]),
    ];
}
