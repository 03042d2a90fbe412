using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation;

/// <summary>RDS DB instances (standalone or in a cluster) and DB clusters.</summary>
internal sealed class DataRdsCloudFormationMappers : ICloudFormationMappers
{
    private const string FromCluster = "the DB cluster";

    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::RDS::DBInstance", Instance);
        registry.Primary("AWS::RDS::DBCluster", Cluster);
    }

    private static void Instance(IResourceView r, IEstateBuilder estate)
    {
        // An Aurora (or Multi-AZ cluster) member takes storage, backup and logging settings from its cluster.
        var member = r.Has("DBClusterIdentifier");
        var replica = r.Has("SourceDBInstanceIdentifier");
        var restored = replica || r.Has("DBSnapshotIdentifier") || r.Has("SourceDBClusterIdentifier");
        estate.Add(new RdsInstance
        {
            Address = r.Address,
            SourceType = r.Type,
            Provenance = r.Provenance,
            Tags = r.Tags("Tags"),
            Engine = r.String("Engine"),
            Identifier = Generated(r, "DBInstanceIdentifier"),
            EngineVersion = member ? r.InheritedFrom<string?>(FromCluster) : r.String("EngineVersion"),

            // A same-region read replica takes its source's parameter group unless the author names one.
            ParameterGroup = r.Has("DBParameterGroupName") ? r.Ref("DBParameterGroupName")
                : replica ? r.InheritedFrom<ResourceRef?>("the source DB")
                : Value.Default<ResourceRef?>(null, r.Provenance),
            StorageEncrypted = member ? r.InheritedFrom<bool>(FromCluster)
                : restored && !r.Has("StorageEncrypted") ? r.InheritedFrom<bool>("the source DB or snapshot")
                : r.Bool("StorageEncrypted", false),
            KmsKey = member ? r.InheritedFrom<ResourceRef?>(FromCluster) : r.OptionalRef("KmsKeyId"),
            PubliclyAccessible = r.Has("PubliclyAccessible")
                ? r.Bool("PubliclyAccessible", false)
                : Value.Unknown<bool>(DataViewDefaults.PublicAccessUnset, r.Provenance),
            MultiAz = member ? r.InheritedFrom<bool>(FromCluster) : r.Bool("MultiAZ", false),
            BackupRetentionDays = member ? r.InheritedFrom<int>(FromCluster) : r.Int("BackupRetentionPeriod", replica ? 0 : 1),
            DeletionProtection = member ? r.InheritedFrom<bool>(FromCluster) : r.Bool("DeletionProtection", false),
            IamAuthentication = member ? r.InheritedFrom<bool>(FromCluster) : r.Bool("EnableIAMDatabaseAuthentication", false),
            AutoMinorVersionUpgrade = r.Bool("AutoMinorVersionUpgrade", true),
            LogExports = member ? r.InheritedFrom<IReadOnlyList<string>>(FromCluster) : r.Strings("EnableCloudwatchLogsExports"),
            CaCertificate = r.String("CACertificateIdentifier"),
            MasterUsername = member ? r.InheritedFrom<string?>(FromCluster)
                : restored && !r.Has("MasterUsername") ? r.InheritedFrom<string?>("the source DB or snapshot")
                : r.String("MasterUsername"),
            Cluster = r.Ref("DBClusterIdentifier"),
            VpcSecurityGroups = member ? r.InheritedFrom<IReadOnlyList<ResourceRef>>(FromCluster) : r.RefsOrEmpty("VPCSecurityGroups"),

            // A member lives in its cluster's subnet group, a same-region read replica in its source's.
            SubnetGroup = r.Has("DBSubnetGroupName") ? r.Ref("DBSubnetGroupName")
                : member ? r.InheritedFrom<ResourceRef?>(FromCluster)
                : replica ? r.InheritedFrom<ResourceRef?>("the source DB")
                : Value.Default<ResourceRef?>(null, r.Provenance),
        });
    }

    private static void Cluster(IResourceView r, IEstateBuilder estate) => estate.Add(new RdsCluster
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("Tags"),
        Engine = r.String("Engine"),
        Identifier = Generated(r, "DBClusterIdentifier"),
        EngineVersion = r.String("EngineVersion"),
        ParameterGroup = r.RefOrNull("DBClusterParameterGroupName"),
        StorageEncrypted = StorageEncrypted(r),
        KmsKey = r.OptionalRef("KmsKeyId"),
        BackupRetentionDays = r.Int("BackupRetentionPeriod", 1),
        DeletionProtection = r.Bool("DeletionProtection", false),
        IamAuthentication = r.Bool("EnableIAMDatabaseAuthentication", false),
        LogExports = r.Strings("EnableCloudwatchLogsExports"),
        MasterUsername = !r.Has("MasterUsername") && (r.Has("SnapshotIdentifier") || r.Has("SourceDBClusterIdentifier") || r.Has("GlobalClusterIdentifier"))
            ? r.InheritedFrom<string?>("the source cluster, snapshot or global cluster")
            : r.String("MasterUsername"),
        AutoMinorVersionUpgrade = r.Bool("AutoMinorVersionUpgrade", true),
        VpcSecurityGroups = r.RefsOrEmpty("VpcSecurityGroupIds"),
        SubnetGroup = r.RefOrNull("DBSubnetGroupName"),
    });

    private static Value<string?> Generated(IResourceView r, string path) =>
        r.Has(path) ? r.String(path) : Value.Unknown<string?>("generated by CloudFormation at deploy time", r.Provenance);

    private static Value<bool> StorageEncrypted(IResourceView r)
    {
        if (r.Has("StorageEncrypted"))
        {
            return r.Bool("StorageEncrypted", false);
        }

        if (r.Has("SnapshotIdentifier") || r.Has("SourceDBClusterIdentifier") || r.Has("GlobalClusterIdentifier"))
        {
            return r.InheritedFrom<bool>("the source cluster, snapshot or global cluster");
        }

        // Aurora Serverless v1 is always encrypted; every other cluster defaults to unencrypted.
        var mode = r.String("EngineMode", "provisioned");
        return mode.IsKnown
            ? Value.Default(mode.Get() == "serverless", r.Provenance)
            : Value.Unknown<bool>($"EngineMode is unknown: {mode.UnknownReason}", r.Provenance);
    }
}
