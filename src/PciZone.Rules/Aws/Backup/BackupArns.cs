using PciZone.Estate;

namespace PciZone.Rules.Aws.Backup;

/// <summary>The ARN shape of each resource type AWS Backup protects and the estate models.</summary>
internal static class BackupArns
{
    /// <summary>Data-store types whose backups the backup rules judge.</summary>
    public static readonly Type[] Types =
        [typeof(S3Bucket), typeof(EbsVolume), typeof(Ec2Instance), typeof(RdsInstance), typeof(RdsCluster), typeof(DynamoDbTable), typeof(EfsFileSystem), typeof(FsxFileSystem)];

    /// <summary>The resource's ARN as far as the code tells, or null for a type AWS Backup does not protect.</summary>
    public static BackupArn? For(Resource resource) => resource switch
    {
        S3Bucket b => new("s3", "", b.BucketName.Map<string?>(n => n), Regional: false),
        EbsVolume v => new("ec2", "volume/", Assigned(v, "a volume id is assigned at creation")),
        Ec2Instance i => new("ec2", "instance/", Assigned(i, "an instance id is assigned at launch")),
        RdsInstance i => new("rds", "db:", i.Identifier),
        RdsCluster c => new("rds", "cluster:", c.Identifier),
        DynamoDbTable t => new("dynamodb", "table/", t.Name),
        EfsFileSystem f => new("elasticfilesystem", "file-system/", Assigned(f, "a file system id is assigned at creation")),
        FsxFileSystem f => new("fsx", "file-system/", Assigned(f, "a file system id is assigned at creation")),
        _ => null,
    };

    private static Value<string?> Assigned(Resource r, string why) => Value.Unknown<string?>(why, r.Provenance);
}
