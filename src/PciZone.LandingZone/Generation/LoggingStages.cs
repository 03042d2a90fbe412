using PciZone.LandingZone.Spec;

namespace PciZone.LandingZone.Generation;

/// <summary>Stages 02-04: the log archive, the security-tooling account, and the organisation trail in the management account.</summary>
internal static class LoggingStages
{
    private const string LogArchiveState = "data.terraform_remote_state.log_archive.outputs";

    public static Stage LogArchive(ZoneSpec spec)
    {
        var stage = new Stage("02-log-archive", "log-archive", "central, locked, encrypted log archive for CloudTrail, Config and flow logs");
        stage.Upstream.Add("organization");
        stage.AddProvider("log-archive", spec.Organization.HomeRegion, spec.Organization.HomeRegion);
        stage.Main.Comment("PCI 10.3.2, 10.3.3, 10.5.1: logs land in one account, cannot be altered, and stay 12 months (3 at hand).");
        stage.Main.Block("module", ["log_archive"], m => m
            .Attribute("source", Modules.Source("log-archive"))
            .Blank()
            .Attribute("name_prefix", Naming.LogArchivePrefix(spec))
            .Attribute("account_id", Hcl.Ref("local.account_ids[\"log-archive\"]"))
            .Attribute("config_s3_key_prefix", Modules.ConfigPrefix)
            .Attribute("organization_id", Hcl.Ref("data.terraform_remote_state.organization.outputs.organization_id"))
            .Attribute("management_account_id", Hcl.Ref("local.account_ids[\"management\"]"))
            .Attribute("log_retention_days", spec.Logging.RetentionDays)
            .Attribute("immediately_available_days", spec.Logging.ImmediatelyAvailableDays)
            .Attribute("object_lock_mode", spec.Logging.ObjectLockMode)
            .Attribute("tags", Hcl.Ref("local.tags")));
        Modules.Baselines(spec, stage, "log-archive", "module.log_archive");
        Modules.Output(stage, "log_bucket_name", "The log-archive bucket (CloudTrail, Config, flow logs).", "module.log_archive.log_bucket_name");
        Modules.Output(stage, "log_bucket_arn", "ARN of the log-archive bucket.", "module.log_archive.log_bucket_arn");
        Modules.Output(stage, "log_kms_key_arn", "The KMS key that encrypts the log archive.", "module.log_archive.log_kms_key_arn");
        Modules.Output(stage, "access_log_bucket_name", "The bucket that receives the archive's S3 access logs.", "module.log_archive.access_log_bucket_name");
        return stage;
    }

    public static Stage Security(ZoneSpec spec)
    {
        var stage = new Stage("03-security", "security-tooling", "GuardDuty, Security Hub with PCI DSS v4.0.1, Config aggregator, Access Analyzer (delegated administrator)");
        stage.Upstream.Add("organization");
        stage.Upstream.Add("log_archive");
        foreach (var region in spec.Organization.AllowedRegions)
        {
            stage.AddProvider("security-tooling", region, spec.Organization.HomeRegion);
            var provider = stage.Provider("security-tooling", region);
            stage.Main.Comment($"Security services for the whole organisation in {region}. PCI 10.4.1.1, 10.7.2, 11.5.1, 12.10.5");
            stage.Main.Block("module", [$"security_{Naming.Identifier(region)}"], m =>
            {
                m.Attribute("source", Modules.Source("security-services"));
                Modules.Providers(m, provider);

                m.Blank();
                m.Attribute("region", region);
                m.Attribute("is_home_region", region == spec.Organization.HomeRegion);
                m.Attribute("organization_id", Hcl.Ref("data.terraform_remote_state.organization.outputs.organization_id"));
                m.Attribute("tags", Hcl.Ref("local.tags"));
            });
            stage.Main.Blank();
        }

        Modules.Baselines(spec, stage, "security-tooling", LogArchiveState);
        return stage;
    }

    public static Stage AuditTrail(ZoneSpec spec)
    {
        var stage = new Stage("04-audit-trail", "management", "organisation CloudTrail, PCI 10.2.1 alarms, management-account baseline");
        stage.Upstream.Add("organization");
        stage.Upstream.Add("log_archive");
        stage.AddProvider("management", spec.Organization.HomeRegion, spec.Organization.HomeRegion);
        stage.Main.Comment("PCI 10.2.1-10.2.2, 10.3.3, 10.3.4, 10.4.1.1, 10.7.2: one trail for every account and region, validated, encrypted, watched.");
        stage.Main.Block("module", ["org_trail"], m =>
        {
            m.Attribute("source", Modules.Source("org-trail"));
            m.Blank();
            m.Attribute("trail_name", $"{spec.Organization.Name}-organization-trail");
            m.Attribute("log_bucket_name", Hcl.Ref($"{LogArchiveState}.log_bucket_name"));
            m.Attribute("log_kms_key_arn", Hcl.Ref($"{LogArchiveState}.log_kms_key_arn"));
            m.Attribute("organization_id", Hcl.Ref("data.terraform_remote_state.organization.outputs.organization_id"));
            m.Attribute("management_account_id", Hcl.Ref("local.account_ids[\"management\"]"));
            m.Attribute("region", spec.Organization.HomeRegion);
            m.Attribute("log_retention_days", spec.Logging.RetentionDays);
            if (spec.Logging.AlarmEmail is { } email)
            {
                m.Attribute("alarm_email", email);
            }

            m.Attribute("tags", Hcl.Ref("local.tags"));
        });
        Modules.Baselines(spec, stage, "management", LogArchiveState);
        Modules.Output(stage, "trail_arn", "The organisation trail.", "module.org_trail.trail_arn");
        Modules.Output(stage, "alarm_topic_arn", "SNS topic of the PCI 10.2.1 alarms.", "module.org_trail.alarm_topic_arn");
        return stage;
    }
}
