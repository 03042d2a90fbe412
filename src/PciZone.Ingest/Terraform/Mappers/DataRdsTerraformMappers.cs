using PciZone.Estate;

namespace PciZone.Ingest.Terraform;

/// <summary>RDS DB instances, Aurora cluster instances and DB clusters.</summary>
internal sealed class DataRdsTerraformMappers : ITerraformMappers
{
    private const string FromCluster = "the DB cluster";

    public void Register(MapperRegistry registry)
    {
        registry.Primary("aws_db_instance", Instance);
        registry.Primary("aws_rds_cluster_instance", ClusterInstance);
        registry.Primary("aws_rds_cluster", Cluster);
    }

    private static void Instance(IResourceView r, IEstateBuilder estate)
    {
        var replica = r.IsWritten("replicate_source_db");
        var restored = replica || r.IsWritten("snapshot_identifier");
        estate.Add(new RdsInstance
        {
            Address = r.Address,
            SourceType = r.Type,
            Provenance = r.Provenance,
            Tags = r.Tags("tags"),
            Engine = r.String("engine"),
            Identifier = r.String("identifier"),
            EngineVersion = r.WrittenOr("engine_version", v => v.String("engine_version"), (string?)null),

            // A same-region replica takes its source's parameter group unless the author names one.
            ParameterGroup = replica && !r.IsWritten("parameter_group_name")
                ? r.InheritedFrom<ResourceRef?>("the source DB")
                : r.RefOrNull("parameter_group_name"),

            // A replica or a restore takes its encryption from the source unless the author sets it.
            StorageEncrypted = restored && !r.IsWritten("storage_encrypted")
                ? r.InheritedFrom<bool>("the source DB or snapshot")
                : r.Bool("storage_encrypted", false),
            KmsKey = r.WrittenOr("kms_key_id", v => v.OptionalRef("kms_key_id"), (ResourceRef?)null),
            PubliclyAccessible = r.Bool("publicly_accessible", false),
            MultiAz = r.WrittenOr("multi_az", v => v.Bool("multi_az", false), false),

            // CreateDBInstance defaults to 1 day; a read replica defaults to 0 (no automated backups).
            BackupRetentionDays = r.WrittenOr("backup_retention_period", v => v.Int("backup_retention_period", 1), replica ? 0 : 1),
            DeletionProtection = r.Bool("deletion_protection", false),
            IamAuthentication = r.Bool("iam_database_authentication_enabled", false),
            AutoMinorVersionUpgrade = r.Bool("auto_minor_version_upgrade", true),
            LogExports = r.Strings("enabled_cloudwatch_logs_exports"),
            CaCertificate = r.WrittenOr("ca_cert_identifier", v => v.String("ca_cert_identifier"), (string?)null),
            MasterUsername = restored && !r.IsWritten("username") ? r.InheritedFrom<string?>("the source DB or snapshot") : r.String("username"),
            Cluster = Value.Default<ResourceRef?>(null, r.Provenance),
            VpcSecurityGroups = r.RefsOrEmpty("vpc_security_group_ids"),

            // A same-region read replica is created in its source's subnet group unless the author names one.
            SubnetGroup = replica && !r.IsWritten("db_subnet_group_name")
                ? r.InheritedFrom<ResourceRef?>("the source DB")
                : r.RefOrNull("db_subnet_group_name"),
        });
    }

    private static void ClusterInstance(IResourceView r, IEstateBuilder estate) => estate.Add(new RdsInstance
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("tags"),
        Engine = r.String("engine"),
        Identifier = r.String("identifier"),
        EngineVersion = r.InheritedFrom<string?>(FromCluster),
        ParameterGroup = r.RefOrNull("db_parameter_group_name"),
        StorageEncrypted = r.InheritedFrom<bool>(FromCluster),
        KmsKey = r.InheritedFrom<ResourceRef?>(FromCluster),

        // Unset, AWS makes the instance public when its subnets' VPC has an internet gateway.
        PubliclyAccessible = r.IsWritten("publicly_accessible")
            ? r.Bool("publicly_accessible", false)
            : Value.Unknown<bool>(DataViewDefaults.PublicAccessUnset, r.Provenance),
        MultiAz = r.InheritedFrom<bool>(FromCluster),
        BackupRetentionDays = r.InheritedFrom<int>(FromCluster),
        DeletionProtection = r.InheritedFrom<bool>(FromCluster),
        IamAuthentication = r.InheritedFrom<bool>(FromCluster),
        AutoMinorVersionUpgrade = r.Bool("auto_minor_version_upgrade", true),
        LogExports = r.InheritedFrom<IReadOnlyList<string>>(FromCluster),
        MasterUsername = r.InheritedFrom<string?>(FromCluster),
        CaCertificate = r.WrittenOr("ca_cert_identifier", v => v.String("ca_cert_identifier"), (string?)null),
        Cluster = r.Ref("cluster_identifier"),
        VpcSecurityGroups = r.InheritedFrom<IReadOnlyList<ResourceRef>>(FromCluster),
        SubnetGroup = r.IsWritten("db_subnet_group_name") ? r.Ref("db_subnet_group_name") : r.InheritedFrom<ResourceRef?>(FromCluster),
    });

    private static void Cluster(IResourceView r, IEstateBuilder estate)
    {
        var restored = r.IsWritten("snapshot_identifier") || r.IsWritten("replication_source_identifier") ||
                       r.IsWritten("global_cluster_identifier");
        estate.Add(new RdsCluster
        {
            Address = r.Address,
            SourceType = r.Type,
            Provenance = r.Provenance,
            Tags = r.Tags("tags"),
            Engine = r.String("engine"),
            Identifier = r.String("cluster_identifier"),
            EngineVersion = r.WrittenOr("engine_version", v => v.String("engine_version"), (string?)null),
            ParameterGroup = r.RefOrNull("db_cluster_parameter_group_name"),
            StorageEncrypted = StorageEncrypted(r, restored),
            KmsKey = r.WrittenOr("kms_key_id", v => v.OptionalRef("kms_key_id"), (ResourceRef?)null),
            BackupRetentionDays = r.WrittenOr("backup_retention_period", v => v.Int("backup_retention_period", 1), 1),
            DeletionProtection = r.Bool("deletion_protection", false),
            IamAuthentication = r.Bool("iam_database_authentication_enabled", false),
            LogExports = r.Strings("enabled_cloudwatch_logs_exports"),
            MasterUsername = restored && !r.IsWritten("master_username")
                ? r.InheritedFrom<string?>("the source cluster, snapshot or global cluster")
                : r.String("master_username"),
            AutoMinorVersionUpgrade = r.WrittenOr("auto_minor_version_upgrade", v => v.Bool("auto_minor_version_upgrade", true), true),
            VpcSecurityGroups = r.RefsOrEmpty("vpc_security_group_ids"),
            SubnetGroup = r.RefOrNull("db_subnet_group_name"),
        });
    }

    private static Value<bool> StorageEncrypted(IResourceView r, bool restored)
    {
        if (r.IsWritten("storage_encrypted"))
        {
            return r.Bool("storage_encrypted", false);
        }

        if (restored)
        {
            return r.InheritedFrom<bool>("the source cluster, snapshot or global cluster");
        }

        // Aurora Serverless v1 is always encrypted; every other cluster defaults to unencrypted.
        var mode = r.String("engine_mode", "provisioned");
        return mode.Map(m => m == "serverless") is { IsKnown: true } serverless
            ? Value.Default(serverless.Get(), r.Provenance)
            : Value.Unknown<bool>("engine_mode is unknown until apply", r.Provenance);
    }
}
