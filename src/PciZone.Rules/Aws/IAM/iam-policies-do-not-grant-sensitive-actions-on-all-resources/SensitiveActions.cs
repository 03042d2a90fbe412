using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

/// <summary>
/// Actions that manage permissions, return credentials or read secrets and stored data, all of which
/// can be scoped to resources; and whether a statement grants one of them on every resource with no
/// resource condition. Actions that only accept <c>"*"</c> (ecr:GetAuthorizationToken) are left out:
/// they cannot be scoped.
/// </summary>
internal static class SensitiveActions
{
    private static readonly (string Kind, string[] Actions)[] Kinds =
    [
        ("permission management",
        [
            "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:AttachGroupPolicy", "iam:PutRolePolicy", "iam:PutUserPolicy",
            "iam:PutGroupPolicy", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:UpdateAssumeRolePolicy",
            "iam:PutRolePermissionsBoundary", "iam:PutUserPermissionsBoundary", "iam:DeleteRolePermissionsBoundary",
            "iam:DeleteUserPermissionsBoundary", "iam:AddUserToGroup", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketAcl",
            "s3:PutObjectAcl", "s3:PutAccessPointPolicy", "kms:PutKeyPolicy", "kms:CreateGrant", "lambda:AddPermission",
            "ecr:SetRepositoryPolicy", "secretsmanager:PutResourcePolicy", "sns:AddPermission", "sqs:AddPermission",
            "glacier:SetVaultAccessPolicy", "backup:PutBackupVaultAccessPolicy", "elasticfilesystem:PutFileSystemPolicy",
        ]),
        ("credential exposure",
        [
            "iam:CreateAccessKey", "iam:UpdateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile",
            "iam:CreateServiceSpecificCredential", "iam:ResetServiceSpecificCredential", "sts:AssumeRole", "ec2:GetPasswordData",
            "redshift:GetClusterCredentials", "rds-db:connect", "lightsail:GetInstanceAccessDetails",
            "lightsail:GetRelationalDatabaseMasterUserPassword",
        ]),
        ("data exfiltration",
        [
            "s3:GetObject", "secretsmanager:GetSecretValue", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
        ]),
    ];

    /// <summary>"permission management (iam:PutRolePolicy, ...)" for each kind the statement grants unconstrained; empty when none.</summary>
    public static IReadOnlyList<string> Unconstrained(PolicyStatement s)
    {
        if (s.Effect != PolicyEffect.Allow || !OnEveryResource(s) || s.Conditions.Any(ScopesResources))
        {
            return [];
        }

        var found = new List<string>();
        foreach (var (kind, actions) in Kinds)
        {
            var granted = actions.Where(s.MatchesAction).ToList();
            if (granted.Count > 0)
            {
                found.Add($"{kind} ({string.Join(", ", granted.Take(3))}{(granted.Count > 3 ? ", ..." : "")})");
            }
        }

        return found;
    }

    private static bool OnEveryResource(PolicyStatement s) =>
        s.Resources.Any(EveryResource) || (s.Resources.Count == 0 && s.NotResources.Count > 0);

    // "*", or an ARN whose resource part is "*" or "type/*" ("arn:aws:s3:::*", "arn:aws:iam::111122223333:role/*").
    // S3 ARNs start their resource part with the bucket name: "bucket/*" is one bucket's objects.
    private static bool EveryResource(string resource)
    {
        if (resource == "*")
        {
            return true;
        }

        var parts = resource.Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn")
        {
            return false;
        }

        var rest = parts[5];
        if (parts[2] == "s3")
        {
            return rest is "*" or "*/*";
        }

        var slash = rest.IndexOfAny(['/', ':']);
        return rest is "*" or "*/*" || (slash > 0 && rest[(slash + 1)..] == "*" && !rest[..slash].Contains('*', StringComparison.Ordinal));
    }

    // Conditions that narrow the resources: by tag, owning account or organisation, the calling service,
    // or the policy and boundary an IAM change may involve.
    private static bool ScopesResources(PolicyCondition c) =>
        c.Key.Contains("ResourceTag/", StringComparison.OrdinalIgnoreCase) ||
        c.Key.Contains(":ResourceAccount", StringComparison.OrdinalIgnoreCase) ||
        c.Key.Contains(":ResourceOrg", StringComparison.OrdinalIgnoreCase) ||
        c.Key.Equals("kms:ViaService", StringComparison.OrdinalIgnoreCase) ||
        c.Key.Equals("kms:GrantIsForAWSResource", StringComparison.OrdinalIgnoreCase) ||
        c.Key.Equals("iam:PolicyARN", StringComparison.OrdinalIgnoreCase) ||
        c.Key.Equals("iam:PermissionsBoundary", StringComparison.OrdinalIgnoreCase);
}
