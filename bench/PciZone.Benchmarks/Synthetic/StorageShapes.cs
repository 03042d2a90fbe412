using System.Text.Json;
using System.Text.Json.Nodes;

namespace PciZone.Benchmarks.Synthetic;

/// <summary>
/// S3 buckets with their split-out companions (versioning, encryption, public access block, policy)
/// and an IAM role with a managed policy attachment, as the AWS provider plans them.
/// </summary>
internal static class StorageShapes
{
    public static Shape Bucket(string name, string bucketName)
    {
        var s = new Shape("aws_s3_bucket", name)
            .KnownFrom("bucket", bucketName, "var.name")
            .Default("force_destroy", false).Default("timeouts", null)
            .Computed("acceleration_status", "acl", "arn", "bucket_domain_name", "bucket_prefix", "bucket_regional_domain_name",
                "cors_rule", "grant", "hosted_zone_id", "id", "lifecycle_rule", "logging", "object_lock_configuration",
                "object_lock_enabled", "policy", "region", "replication_configuration", "request_payer",
                "server_side_encryption_configuration", "versioning", "website", "website_domain", "website_endpoint");
        foreach (var k in new[] { "cors_rule", "grant", "lifecycle_rule", "logging", "object_lock_configuration",
                     "replication_configuration", "server_side_encryption_configuration", "versioning", "website" })
        {
            s.Sens(k, new JsonArray());
        }

        return NetworkShapes.Tagged(s);
    }

    public static Shape Versioning(string bucket, bool enabled) =>
        Companion("aws_s3_bucket_versioning", bucket, null)
            .Default("expected_bucket_owner", null).Default("mfa", null)
            .Block("versioning_configuration", [new JsonObject { ["status"] = enabled ? "Enabled" : "Suspended" }],
                [new JsonObject { ["status"] = Shape.ConstValue(enabled ? "Enabled" : "Suspended") }],
                new JsonArray(new JsonObject { ["mfa_delete"] = true }), new JsonArray(new JsonObject()));

    /// <summary>aws:kms with the key passed in as a module variable (unknown), or AES256.</summary>
    public static Shape Encryption(string bucket, bool kms, string? literalBucket = null)
    {
        var byDefault = new JsonObject { ["sse_algorithm"] = kms ? "aws:kms" : "AES256" };
        var byDefaultConfig = new JsonObject { ["sse_algorithm"] = Shape.ConstValue(kms ? "aws:kms" : "AES256") };
        var unknown = new JsonObject();
        if (kms)
        {
            byDefaultConfig["kms_master_key_id"] = new JsonObject { ["references"] = Shape.Array("var.kms_key_arn") };
            unknown["kms_master_key_id"] = true;
        }
        else
        {
            byDefault["kms_master_key_id"] = null;
        }

        return Companion("aws_s3_bucket_server_side_encryption_configuration", bucket, literalBucket)
            .Default("expected_bucket_owner", null)
            .Block("rule", [new JsonObject { ["apply_server_side_encryption_by_default"] = new JsonArray(byDefault), ["bucket_key_enabled"] = kms ? true : null }],
                [new JsonObject { ["apply_server_side_encryption_by_default"] = new JsonArray(byDefaultConfig) }],
                new JsonArray(new JsonObject { ["apply_server_side_encryption_by_default"] = new JsonArray(unknown) }),
                new JsonArray(new JsonObject { ["apply_server_side_encryption_by_default"] = new JsonArray(new JsonObject()) }));
    }

    public static Shape PublicAccessBlock(string bucket, bool all, string? literalBucket = null) =>
        Companion("aws_s3_bucket_public_access_block", bucket, literalBucket)
            .Const("block_public_acls", true)
            .Const("block_public_policy", all)
            .Const("ignore_public_acls", true)
            .Const("restrict_public_buckets", all);

    /// <summary>A policy that denies plain HTTP, one that grants public read, or one built from the bucket ARN (unknown).</summary>
    public static Shape Policy(string bucket, string bucketName, bool deniesInsecure, bool computed)
    {
        var s = Companion("aws_s3_bucket_policy", bucket, null);
        if (computed)
        {
            s.AllUnknown = true;
            return s.Ref("policy", $"aws_s3_bucket.{bucket}", "arn");
        }

        var arn = $"arn:aws:s3:::{bucketName}";
        var statement = deniesInsecure
            ? new JsonObject
            {
                ["Action"] = "s3:*", ["Condition"] = new JsonObject { ["Bool"] = new JsonObject { ["aws:SecureTransport"] = "false" } },
                ["Effect"] = "Deny", ["Principal"] = "*", ["Resource"] = Shape.Array(arn, arn + "/*"), ["Sid"] = "DenyInsecureTransport",
            }
            : new JsonObject
            {
                ["Action"] = "s3:GetObject", ["Effect"] = "Allow", ["Principal"] = "*", ["Resource"] = arn + "/*", ["Sid"] = "PublicRead",
            };
        var doc = new JsonObject { ["Statement"] = new JsonArray(statement), ["Version"] = "2012-10-17" };
        // jsonencode(...) in HCL: the configuration records no constant for it, the plan has the string.
        s.Values["policy"] = doc.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        s.Expressions["policy"] = new JsonObject();
        return s;
    }

    public static Shape Role(StackDice d)
    {
        var principal = d.TrustOpenToAnyone ? new JsonObject { ["AWS"] = "*" } : new JsonObject { ["Service"] = "ec2.amazonaws.com" };
        var trust = new JsonObject
        {
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Action"] = "sts:AssumeRole", ["Effect"] = "Allow",
                ["Principal"] = principal,
            }),
            ["Version"] = "2012-10-17",
        };
        var s = new Shape("aws_iam_role", "app")
            .Default("assume_role_policy", trust.ToJsonString())
            .Default("description", null).Default("force_detach_policies", false).Default("max_session_duration", 3600)
            .Const("name", $"{d.Name}-app")
            .Default("path", "/").Default("permissions_boundary", null)
            .Computed("arn", "create_date", "id", "inline_policy", "managed_policy_arns", "name_prefix", "unique_id")
            .Sens("inline_policy", new JsonArray()).Sens("managed_policy_arns", new JsonArray());
        s.Expressions["assume_role_policy"] = new JsonObject();
        return NetworkShapes.Tagged(s);
    }

    public static Shape ManagedPolicy(StackDice d)
    {
        var statement = d.AdminPolicy
            ? new JsonObject { ["Action"] = "*", ["Effect"] = "Allow", ["Resource"] = "*" }
            : new JsonObject
            {
                ["Action"] = Shape.Array("s3:GetObject", "s3:PutObject"), ["Effect"] = "Allow",
                ["Resource"] = Shape.Array($"arn:aws:s3:::{d.Name}-data/*"),
            };
        var doc = new JsonObject { ["Statement"] = new JsonArray(statement), ["Version"] = "2012-10-17" };
        var s = new Shape("aws_iam_policy", "app")
            .Default("description", null)
            .Const("name", $"{d.Name}-app")
            .Default("path", "/")
            .Default("policy", doc.ToJsonString())
            .Computed("arn", "attachment_count", "id", "name_prefix", "policy_id");
        s.Expressions["policy"] = new JsonObject();
        return NetworkShapes.Tagged(s);
    }

    public static Shape Attachment(StackDice d) =>
        new Shape("aws_iam_role_policy_attachment", "app")
            .KnownFrom("role", $"{d.Name}-app", "aws_iam_role.app.name", "aws_iam_role.app")
            .Ref("policy_arn", "aws_iam_policy.app", "arn")
            .Computed("id")
            .With(s => s.Reads.Add(("aws_iam_role.app", "name")));

    /// <summary>A companion naming its bucket by reference (unknown id) or, for some stacks, by a literal name.</summary>
    private static Shape Companion(string type, string bucket, string? literalBucket)
    {
        var s = new Shape(type, bucket);
        return literalBucket is null
            ? s.Ref("bucket", $"aws_s3_bucket.{bucket}", "id").Computed("id")
            : s.Const("bucket", literalBucket).Computed("id");
    }
}
