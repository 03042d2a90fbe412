using PciZone.Estate;

namespace PciZone.Ingest.Terraform.Mappers;

/// <summary>
/// EFS file systems (joined with <c>aws_efs_backup_policy</c> and <c>aws_efs_file_system_policy</c>),
/// access points, and AWS Backup vaults (joined with their policy and lock), plans and selections.
/// </summary>
internal sealed class PlatformStorageTerraformMappers : ITerraformMappers
{
    // AWS Backup runs a rule without a schedule daily at 05:00 UTC.
    private const string DefaultSchedule = "cron(0 5 ? * * *)";

    public void Register(MapperRegistry registry)
    {
        // encrypted and kms_key_id are Optional+Computed: unknown in a plan when nobody set them,
        // although CreateFileSystem then leaves the file system unencrypted.
        registry.Primary("aws_efs_file_system", (r, e) => e.Add(new EfsFileSystem
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Encrypted = r.WrittenOr("encrypted", v => v.Bool("encrypted", false), false),
            KmsKey = r.WrittenOr("kms_key_id", v => v.OptionalRef("kms_key_id"), (ResourceRef?)null),
            AutomaticBackups = Value.Default(false, r.Provenance),
            Policy = Value.Default<PolicyDocument?>(null, r.Provenance),
        }));
        registry.Companion("aws_efs_backup_policy", (r, e) =>
            e.Join<EfsFileSystem>(r, r.Ref("file_system_id"), f => f with
            {
                AutomaticBackups = r.String("backup_policy.status").Map(s => s == "ENABLED"),
            }));
        registry.Companion("aws_efs_file_system_policy", (r, e) =>
            e.Join<EfsFileSystem>(r, r.Ref("file_system_id"), f => f with { Policy = r.Policy("policy") }));
        registry.Primary("aws_efs_access_point", (r, e) => e.Add(new EfsAccessPoint
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            FileSystem = r.Ref("file_system_id"),
            EnforcesPosixUser = Value.Of(r.Block("posix_user") is not null, r.At("posix_user")),
            RootDirectoryPath = r.WrittenOr("root_directory.path", v => v.String("root_directory.path"), (string?)"/"),
        }));

        registry.Primary("aws_backup_vault", (r, e) => e.Add(new BackupVault
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            KmsKey = r.WrittenOr("kms_key_arn", v => v.OptionalRef("kms_key_arn"), (ResourceRef?)null),
            Policy = Value.Default<PolicyDocument?>(null, r.Provenance),
            Lock = Value.Default<BackupVaultLock?>(null, r.Provenance),
        }));
        registry.Companion("aws_backup_vault_policy", (r, e) =>
            e.Join<BackupVault>(r, r.Ref("backup_vault_name"), v => v with { Policy = r.Policy("policy") }, v => v.Name.GetOrDefault()));
        registry.Companion("aws_backup_vault_lock_configuration", (r, e) =>
            e.Join<BackupVault>(r, r.Ref("backup_vault_name"), v => v with
            {
                Lock = Value.Of<BackupVaultLock?>(new BackupVaultLock(
                    r.OptionalInt("min_retention_days"), r.OptionalInt("max_retention_days"), r.OptionalInt("changeable_for_days")), r.Provenance),
            }, v => v.Name.GetOrDefault()));
        registry.Primary("aws_backup_plan", (r, e) => e.Add(new BackupPlan
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("tags"),
            Name = r.String("name"),
            Rules = Value.Of<IReadOnlyList<BackupPlanRule>>(r.Blocks("rule").Select((x, i) => new BackupPlanRule(
                x.String("rule_name").GetOrDefault() ?? $"rule-{i}",
                x.String("schedule", "cron(0 5 ? * * *)").Map<string?>(s => string.IsNullOrEmpty(s) ? DefaultSchedule : s),
                x.OptionalInt("lifecycle.delete_after"))
            {
                CopyDeleteAfterDays = x.Blocks("copy_action").Select(c => c.OptionalInt("lifecycle.delete_after")).ToList(),
            }).ToList(), r.At("rule")),
        }));
        registry.Primary("aws_backup_selection", (r, e) => e.Add(new BackupSelection
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Plan = r.Ref("plan_id"),
            Resources = r.Refs("resources"),
            SelectionTags = SelectionTags(r),
            NotResources = r.RefsOrEmpty("not_resources"),
            Conditions = Conditions(r),
        }));
    }

    private static readonly (string Block, string Operator)[] ConditionOperators =
        [("string_equals", "StringEquals"), ("string_like", "StringLike"), ("string_not_equals", "StringNotEquals"), ("string_not_like", "StringNotLike")];

    private static Value<IReadOnlyList<BackupTagCondition>> Conditions(IResourceView r)
    {
        var conditions = new List<BackupTagCondition>();
        foreach (var block in r.Blocks("condition"))
        {
            foreach (var (name, op) in ConditionOperators)
            {
                foreach (var c in block.Blocks(name))
                {
                    var (key, value) = (c.String("key"), c.String("value"));
                    if (key.IsUnknown || value.IsUnknown)
                    {
                        return Value.Unknown<IReadOnlyList<BackupTagCondition>>("a selection condition is unknown until apply", r.At("condition"));
                    }

                    conditions.Add(new BackupTagCondition(op, BackupTagKey(key.Get() ?? ""), value.Get() ?? ""));
                }
            }
        }

        return Value.Of<IReadOnlyList<BackupTagCondition>>(conditions, r.At("condition"));
    }

    // Conditions name tags as aws:ResourceTag/<key>.
    private static string BackupTagKey(string key) =>
        key.StartsWith("aws:ResourceTag/", StringComparison.Ordinal) ? key["aws:ResourceTag/".Length..] : key;

    private static Value<IReadOnlyList<KeyValuePair<string, string>>> SelectionTags(IResourceView r)
    {
        var tags = new List<KeyValuePair<string, string>>();
        foreach (var t in r.Blocks("selection_tag"))
        {
            var (type, key, value) = (t.String("type"), t.String("key"), t.String("value"));
            if (type.IsUnknown || key.IsUnknown || value.IsUnknown)
            {
                return Value.Unknown<IReadOnlyList<KeyValuePair<string, string>>>("a selection tag is unknown until apply", r.At("selection_tag"));
            }

            if (type.Get() == "STRINGEQUALS" && key.Get() is { } k && value.Get() is { } v)
            {
                tags.Add(new(k, v));
            }
        }

        return Value.Of<IReadOnlyList<KeyValuePair<string, string>>>(tags, r.At("selection_tag"));
    }
}
