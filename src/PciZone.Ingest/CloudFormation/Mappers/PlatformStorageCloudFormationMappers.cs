using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation;

/// <summary>EFS file systems and access points, and AWS Backup vaults, plans and selections.</summary>
internal sealed class PlatformStorageCloudFormationMappers : ICloudFormationMappers
{
    // AWS Backup runs a rule without a schedule daily at 05:00 UTC.
    private const string DefaultSchedule = "cron(0 5 ? * * *)";

    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::EFS::FileSystem", (r, e) => e.Add(new EfsFileSystem
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("FileSystemTags"),
            Encrypted = r.Bool("Encrypted", false),
            KmsKey = r.OptionalRef("KmsKeyId"),
            AutomaticBackups = r.String("BackupPolicy.Status", "DISABLED").Map(s => s == "ENABLED"),
            Policy = r.WrittenPolicy("FileSystemPolicy"),
        }));
        registry.Primary("AWS::EFS::AccessPoint", (r, e) => e.Add(new EfsAccessPoint
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance, Tags = r.Tags("AccessPointTags"),
            FileSystem = r.Ref("FileSystemId"),
            EnforcesPosixUser = r.Has("PosixUser") ? Value.Of(true, r.At("PosixUser")) : Value.Default(false, r.Provenance),
            RootDirectoryPath = r.String("RootDirectory.Path", "/"),
        }));

        registry.Primary("AWS::Backup::BackupVault", (r, e) => e.Add(new BackupVault
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Name = r.String("BackupVaultName"),
            KmsKey = r.OptionalRef("EncryptionKeyArn"),
            Policy = r.WrittenPolicy("AccessPolicy"),
            Lock = r.IsWritten("LockConfiguration")
                ? Value.Of<BackupVaultLock?>(new BackupVaultLock(
                    r.OptionalInt("LockConfiguration.MinRetentionDays"), r.OptionalInt("LockConfiguration.MaxRetentionDays"),
                    r.OptionalInt("LockConfiguration.ChangeableForDays")), r.At("LockConfiguration"))
                : Value.Default<BackupVaultLock?>(null, r.Provenance),
        }));
        registry.Primary("AWS::Backup::BackupPlan", (r, e) => e.Add(new BackupPlan
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Name = r.String("BackupPlan.BackupPlanName"),
            Rules = Value.Of<IReadOnlyList<BackupPlanRule>>(r.Blocks("BackupPlan.BackupPlanRule").Select((x, i) => new BackupPlanRule(
                x.String("RuleName").GetOrDefault() ?? $"rule-{i}",
                x.String("ScheduleExpression", "cron(0 5 ? * * *)").Map<string?>(s => string.IsNullOrEmpty(s) ? DefaultSchedule : s),
                x.OptionalInt("Lifecycle.DeleteAfterDays"))
            {
                CopyDeleteAfterDays = x.Blocks("CopyActions").Select(c => c.OptionalInt("Lifecycle.DeleteAfterDays")).ToList(),
            }).ToList(), r.At("BackupPlan.BackupPlanRule")),
        }));
        registry.Primary("AWS::Backup::BackupSelection", (r, e) => e.Add(new BackupSelection
        {
            Address = r.Address, SourceType = r.Type, Provenance = r.Provenance,
            Plan = r.Ref("BackupPlanId"),
            Resources = r.Refs("BackupSelection.Resources"),
            SelectionTags = SelectionTags(r),
            NotResources = r.Has("BackupSelection.NotResources") ? r.Refs("BackupSelection.NotResources") : Value.Default<IReadOnlyList<ResourceRef>>([], r.Provenance),
            Conditions = Conditions(r),
        }));
    }

    private static readonly string[] ConditionOperators = ["StringEquals", "StringLike", "StringNotEquals", "StringNotLike"];

    private static Value<IReadOnlyList<BackupTagCondition>> Conditions(IResourceView r)
    {
        var conditions = new List<BackupTagCondition>();
        foreach (var op in ConditionOperators)
        {
            foreach (var c in r.Blocks($"BackupSelection.Conditions.{op}"))
            {
                var (key, value) = (c.String("ConditionKey"), c.String("ConditionValue"));
                if (key.IsUnknown || value.IsUnknown)
                {
                    return Value.Unknown<IReadOnlyList<BackupTagCondition>>("a selection condition cannot be resolved offline", r.At("BackupSelection.Conditions"));
                }

                var k = key.Get() ?? "";
                conditions.Add(new BackupTagCondition(op, k.StartsWith("aws:ResourceTag/", StringComparison.Ordinal) ? k["aws:ResourceTag/".Length..] : k, value.Get() ?? ""));
            }
        }

        return Value.Of<IReadOnlyList<BackupTagCondition>>(conditions, r.At("BackupSelection.Conditions"));
    }

    private static Value<IReadOnlyList<KeyValuePair<string, string>>> SelectionTags(IResourceView r)
    {
        var tags = new List<KeyValuePair<string, string>>();
        foreach (var t in r.Blocks("BackupSelection.ListOfTags"))
        {
            var (type, key, value) = (t.String("ConditionType"), t.String("ConditionKey"), t.String("ConditionValue"));
            if (type.IsUnknown || key.IsUnknown || value.IsUnknown)
            {
                return Value.Unknown<IReadOnlyList<KeyValuePair<string, string>>>("a selection tag cannot be resolved offline", r.At("BackupSelection.ListOfTags"));
            }

            if (type.Get() == "STRINGEQUALS" && key.Get() is { } k && value.Get() is { } v)
            {
                tags.Add(new(k, v));
            }
        }

        return Value.Of<IReadOnlyList<KeyValuePair<string, string>>>(tags, r.At("BackupSelection.ListOfTags"));
    }
}
