using PciZone.Estate;
using PciZone.Ingest.Terraform;

namespace PciZone.Ingest.Tests.Mappers;

/// <summary>
/// RDS network links and parameter groups, backup selection conditions and exclusions, S3 MFA delete
/// and SNS subscriptions, read from the real plans and templates of the rule fixtures.
/// </summary>
public sealed class DataBackupTlsMapperTests
{
    private static string RuleDir(string service, string slug) => Path.Combine(TestData.RepoRoot, "src", "PciZone.Rules", "Aws", service, slug, "fixtures");

    private static IReadOnlyList<Resource> Plan(string service, string slug)
    {
        var plan = Path.Combine(RuleDir(service, slug), "terraform", "plan.json");
        var result = TerraformPlanReader.Read(plan, File.ReadAllBytes(plan), "");
        result.Errors.ShouldBeEmpty();
        return result.Resources;
    }

    private static IReadOnlyList<Resource> Template(string service, string slug, string file)
    {
        var result = InputLoader.Load([Path.Combine(RuleDir(service, slug), "cloudformation", file)]);
        result.Errors.ShouldBeEmpty();
        return result.Estate.Resources;
    }

    private static T Single<T>(IReadOnlyList<Resource> resources, string address)
        where T : Resource => resources.OfType<T>().Single(r => r.Address == address);

    [Fact]
    public void RdsInstance_SecurityGroupsAndSubnetGroup_LinkToTheirResources()
    {
        var resources = Plan("RDS", "rds-connections-require-tls");
        var pg = Single<RdsInstance>(resources, "module.pass_tls_required.aws_db_instance.pg");

        pg.VpcSecurityGroups.Get().Single().Address.ShouldBe("module.pass_tls_required.aws_security_group.db");
        pg.SubnetGroup.Get()!.Address.ShouldBe("module.pass_tls_required.aws_db_subnet_group.db");
        pg.ParameterGroup.Get()!.Address.ShouldBe("module.pass_tls_required.aws_db_parameter_group.pg");
        pg.EngineVersion.Get().ShouldBe("14.12");
    }

    [Fact]
    public void RdsInstance_NothingWritten_HasNoGroupsByDefault()
    {
        var mysql = Single<RdsInstance>(Plan("RDS", "rds-connections-require-tls"), "module.fail_tls_optional.aws_db_instance.mysql_default");

        mysql.VpcSecurityGroups.Get().ShouldBeEmpty();
        mysql.VpcSecurityGroups.IsDefault.ShouldBeTrue();
        mysql.SubnetGroup.Get().ShouldBeNull();
        mysql.ParameterGroup.Get().ShouldBeNull();
        mysql.EngineVersion.Get().ShouldBeNull();
    }

    [Fact]
    public void RdsClusterAndMember_NetworkSettings_LiveOnTheCluster()
    {
        var resources = Plan("RDS", "rds-connections-require-tls");
        var cluster = Single<RdsCluster>(resources, "module.pass_tls_required.aws_rds_cluster.aurora");
        var member = Single<RdsInstance>(resources, "module.pass_tls_required.aws_rds_cluster_instance.aurora");

        cluster.VpcSecurityGroups.Get().Single().Address.ShouldBe("module.pass_tls_required.aws_security_group.db");
        cluster.SubnetGroup.Get()!.Address.ShouldBe("module.pass_tls_required.aws_db_subnet_group.db");
        member.VpcSecurityGroups.IsUnknown.ShouldBeTrue();
        member.SubnetGroup.IsUnknown.ShouldBeTrue();
    }

    [Fact]
    public void CloudFormationRds_SecurityGroupsAndSubnetGroup_LinkToTheirResources()
    {
        var resources = Template("RDS", "rds-connections-require-tls", "pass_tls_required.yaml");
        var pg = Single<RdsInstance>(resources, "Postgres");
        var cluster = Single<RdsCluster>(resources, "Aurora");

        pg.VpcSecurityGroups.Get().Single().Address.ShouldBe("DbSecurityGroup");
        pg.SubnetGroup.Get()!.Address.ShouldBe("DbSubnets");
        cluster.VpcSecurityGroups.Get().Single().Address.ShouldBe("DbSecurityGroup");
        cluster.SubnetGroup.Get()!.Address.ShouldBe("DbSubnets");
        Single<RdsParameterGroup>(resources, "AuroraParams").Parameters.Get()["require_secure_transport"].Get().ShouldBe("ON");
    }

    [Fact]
    public void BackupSelection_ConditionsAndExclusions_AreRead()
    {
        var selection = Single<BackupSelection>(
            Plan("RDS", "rds-instance-protected-by-backup-plan"), "module.fail_not_protected.aws_backup_selection.by_pattern");

        selection.Conditions.Get().ShouldBe([
            new BackupTagCondition("StringLike", "tier", "prod-*"),
            new BackupTagCondition("StringNotEquals", "backup", "false"),
        ], ignoreOrder: true);
        selection.NotResources.Get().ShouldBeEmpty();
    }

    [Fact]
    public void BackupPlan_CopyActionWithoutLifecycle_KeepsCopiesForever()
    {
        var plan = Single<BackupPlan>(
            Plan("Backup", "backup-plan-cde-recovery-points-expire"), "module.fail_cde_backups_kept_forever.aws_backup_plan.copies_forever");

        var rule = plan.Rules.Get().Single();
        rule.DeleteAfterDays.Get().ShouldBe(35);
        rule.CopyDeleteAfterDays.Single().Get().ShouldBeNull();
    }

    [Fact]
    public void S3Versioning_MfaDeleteUnwritten_IsDisabledByDefault()
    {
        var bucket = Single<S3Bucket>(
            Plan("S3", "s3-audit-log-bucket-mfa-delete-enabled"), "module.fail_no_mfa_delete.aws_s3_bucket.trail");

        bucket.MfaDelete.Get().ShouldBeFalse();
        bucket.MfaDelete.IsDefault.ShouldBeTrue();
    }

    [Fact]
    public void SnsTopic_InlineSubscription_BecomesASubscription()
    {
        var subscription = Single<SnsSubscription>(
            Template("SNS", "sns-subscription-endpoints-use-https", "fail_http.yaml"), "Alerts.Subscription[0]");

        subscription.Protocol.Get().ShouldBe("http");
        subscription.Topic.Get()!.Address.ShouldBe("Alerts");
    }
}
