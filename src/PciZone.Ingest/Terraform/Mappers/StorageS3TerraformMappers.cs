using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// S3 buckets from a Terraform plan: <c>aws_s3_bucket</c> joined with its companion resources, and the
/// account-level public access block. The bucket's deprecated inline blocks are Optional+Computed,
/// so they show as unknown in a plan when nobody wrote them: they are read only when written, and
/// otherwise the S3 default applies until a companion resource says more.
/// </summary>
internal sealed class StorageS3TerraformMappers : ITerraformMappers
{
    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_s3_bucket", Bucket);
        registry.Primary("aws_s3_account_public_access_block", (r, e) => e.Add(new S3AccountPublicAccessBlock
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Settings = PublicAccessBlock(r),
        }));
        Join(registry, "aws_s3_bucket_versioning", r => b => b with
        {
            VersioningEnabled = r.String("versioning_configuration.status").Map(s => s == "Enabled"),
            // mfa_delete is Optional+Computed: unknown in a plan when unwritten, although S3 then leaves it Disabled.
            MfaDelete = r.WrittenOr("versioning_configuration.mfa_delete", v => v.String("versioning_configuration.mfa_delete", "Disabled").Map(s => s == "Enabled"), false),
        });
        Join(registry, "aws_s3_bucket_server_side_encryption_configuration", r => b => b with
        {
            Encryption = Value.Of<S3Encryption?>(Encryption(r.Block("rule")!), r.At("rule")),
        });
        Join(registry, "aws_s3_bucket_public_access_block", r => b => b with
        {
            PublicAccessBlock = Value.Of<PublicAccessBlock?>(PublicAccessBlock(r), r.Provenance),
        });
        Join(registry, "aws_s3_bucket_policy", r => b => b with { Policy = r.Policy("policy") });
        Join(registry, "aws_s3_bucket_logging", r => b => b with
        {
            Logging = Value.Of<S3Logging?>(new S3Logging(r.Ref("target_bucket"), r.String("target_prefix")), r.Provenance),
        });
        Join(registry, "aws_s3_bucket_object_lock_configuration", r => b => b with
        {
            ObjectLock = Value.Of<S3ObjectLock?>(
                new S3ObjectLock(r.String("object_lock_enabled", "Enabled").Map(s => s == "Enabled"),
                    r.String("rule.default_retention.mode"), RetentionDays(r, "rule.default_retention")),
                r.Provenance),
        });
        Join(registry, "aws_s3_bucket_lifecycle_configuration", r => b => b with
        {
            Lifecycle = Value.Of(Lifecycle(r, "rule", x => x.String("status").Map(s => s == "Enabled"), "noncurrent_days"), r.At("rule")),
        });
        Join(registry, "aws_s3_bucket_acl", r => b => b with
        {
            Acl = r.String("acl", "private").Map(s => s ?? "private"),
            AclGrants = Value.Of(Grants(r.Blocks("access_control_policy.grant"), g => g.Block("grantee"), g => g.String("permission")), r.At("access_control_policy")),
        });
        Join(registry, "aws_s3_bucket_replication_configuration", r => b => b with
        {
            Replication = Value.Of<S3Replication?>(Replication(r.Blocks("rule")), r.At("rule")),
        });
        Join(registry, "aws_s3_bucket_ownership_controls", r => b => b with { ObjectOwnership = r.String("rule.object_ownership") });
        Join(registry, "aws_s3_bucket_notification", r => b => b with
        {
            EventNotifications = r.Blocks("topic").Count + r.Blocks("queue").Count + r.Blocks("lambda_function").Count > 0
                ? Value.Of(true, r.Provenance)
                : r.Bool("eventbridge", false),
        });
    }

    private static void Join(MapperRegistry registry, string type, Func<IResourceView, Func<S3Bucket, S3Bucket>> update) =>
        registry.Companion(type, (r, e) => e.Join(r, r.Ref("bucket"), update(r), b => b.BucketName.GetOrDefault()));

    private static void Bucket(IResourceView r, IEstateBuilder estate)
    {
        var none = r.Provenance;
        var lockEnabled = r.IsWritten("object_lock_enabled") ? r.Bool("object_lock_enabled", false)
            : r.IsWritten("object_lock_configuration") ? r.String("object_lock_configuration.object_lock_enabled").Map(s => s == "Enabled")
            : Value.Default(false, none);
        estate.Add(new S3Bucket
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            BucketName = r.String("bucket").Map(s => s ?? ""),
            Encryption = r.IsWritten("server_side_encryption_configuration")
                ? Value.Of<S3Encryption?>(Encryption(r.Block("server_side_encryption_configuration.rule")!), r.At("server_side_encryption_configuration"))
                : Value.Default<S3Encryption?>(null, none),
            VersioningEnabled = r.IsWritten("versioning") ? r.Bool("versioning.enabled", false) : Value.Default(false, none),
            MfaDelete = r.WrittenOr("versioning.mfa_delete", v => v.Bool("versioning.mfa_delete", false), false),
            PublicAccessBlock = Value.Default<PublicAccessBlock?>(null, none),
            Policy = r.IsWritten("policy") ? r.Policy("policy") : Value.Default<PolicyDocument?>(null, none),
            Logging = r.IsWritten("logging")
                ? Value.Of<S3Logging?>(new S3Logging(r.Ref("logging.target_bucket"), r.String("logging.target_prefix")), r.At("logging"))
                : Value.Default<S3Logging?>(null, none),
            ObjectLock = lockEnabled.IsKnown && !lockEnabled.Get()
                ? Value.Default<S3ObjectLock?>(null, none)
                : Value.Of<S3ObjectLock?>(new S3ObjectLock(lockEnabled,
                    r.IsWritten("object_lock_configuration") ? r.String("object_lock_configuration.rule.default_retention.mode") : Value.Default<string?>(null, none),
                    r.IsWritten("object_lock_configuration") ? RetentionDays(r, "object_lock_configuration.rule.default_retention") : Value.Default<int?>(null, none)),
                    lockEnabled.Source),
            Lifecycle = r.IsWritten("lifecycle_rule")
                ? Value.Of(Lifecycle(r, "lifecycle_rule", x => x.Bool("enabled", false), "days"), r.At("lifecycle_rule"))
                : Value.Default<IReadOnlyList<S3LifecycleRule>>([], none),
            Acl = r.IsWritten("acl") ? r.String("acl", "private").Map(s => s ?? "private") : Value.Default("private", none),
            AclGrants = r.IsWritten("grant")
                ? Value.Of(InlineGrants(r.Blocks("grant")), r.At("grant"))
                : Value.Default<IReadOnlyList<S3AclGrant>>([], none),

            // New buckets have had ACLs disabled (BucketOwnerEnforced) by default since April 2023.
            ObjectOwnership = Value.Default<string?>("BucketOwnerEnforced", none),
            EventNotifications = Value.Default(false, none),
            Replication = r.IsWritten("replication_configuration")
                ? Value.Of<S3Replication?>(Replication(r.Blocks("replication_configuration.rules")), r.At("replication_configuration"))
                : Value.Default<S3Replication?>(null, none),
        });
    }

    private static S3Replication Replication(IReadOnlyList<IResourceView> rules) => new(rules.Select((x, i) => new S3ReplicationRule(
        x.String("id").GetOrDefault() is { Length: > 0 } id ? id : $"rule-{i}",
        x.String("status").Map(s => s == "Enabled"),
        x.Ref("destination.bucket"))).ToList());

    private static PublicAccessBlock PublicAccessBlock(IResourceView r) => new(
        r.Bool("block_public_acls", false), r.Bool("block_public_policy", false),
        r.Bool("ignore_public_acls", false), r.Bool("restrict_public_buckets", false));

    private static S3Encryption Encryption(IResourceView rule) => new(
        rule.String("apply_server_side_encryption_by_default.sse_algorithm").Map(s => s ?? ""),
        rule.Ref("apply_server_side_encryption_by_default.kms_master_key_id"),
        rule.Bool("bucket_key_enabled", false));

    /// <summary>Default retention in days; a retention in years counts 365 days a year.</summary>
    internal static Value<int?> RetentionDays(IResourceView r, string path)
    {
        var days = r.OptionalInt(path + ".days");
        var years = r.OptionalInt(path + ".years");
        if (days.IsUnknown || years.IsUnknown)
        {
            return days.IsUnknown ? days : years;
        }

        return days.Get() is { } d ? days : years.Map(y => y * 365);
    }

    private static IReadOnlyList<S3LifecycleRule> Lifecycle(IResourceView r, string path, Func<IResourceView, Value<bool>> enabled, string noncurrentDays) =>
        r.Blocks(path).Select((x, i) => new S3LifecycleRule(
            x.String("id").GetOrDefault() ?? $"rule-{i}",
            enabled(x),
            x.OptionalInt("expiration.days"),
            x.OptionalInt($"noncurrent_version_expiration.{noncurrentDays}"),
            x.Blocks("transition").Select(t => new S3Transition(t.OptionalInt("days"), t.String("storage_class").Map(s => s ?? ""))).ToList())).ToList();

    private static IReadOnlyList<S3AclGrant> InlineGrants(IReadOnlyList<IResourceView> grants) =>
        grants.SelectMany(g => g.Strings("permissions").GetOrDefault([])!.Select(p =>
            new S3AclGrant(g.String("type").GetOrDefault() ?? "", g.String("uri").GetOrDefault(), p))).ToList();

    internal static IReadOnlyList<S3AclGrant> Grants(IReadOnlyList<IResourceView> grants, Func<IResourceView, IResourceView?> grantee, Func<IResourceView, Value<string?>> permission) =>
        grants.Select(g => grantee(g) is { } who
            ? new S3AclGrant(who.String("type").GetOrDefault() ?? "", who.String("uri").GetOrDefault() is { Length: > 0 } uri ? uri : null, permission(g).GetOrDefault() ?? "")
            : null).OfType<S3AclGrant>().ToList();
}
