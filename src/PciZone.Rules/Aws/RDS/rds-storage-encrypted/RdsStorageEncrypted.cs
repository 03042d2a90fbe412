using PciZone.Estate;

namespace PciZone.Rules.Aws.RDS;

internal sealed class RdsStorageEncrypted : DatabaseRule
{
    private const string Passed = "Database storage is encrypted at rest.";
    private const string Failed = "Database storage is not encrypted at rest.";

    protected override Outcome Check(RdsInstance instance) => Outcome.MustBeTrue(instance.StorageEncrypted, Passed, Failed);

    protected override Outcome Check(RdsCluster cluster) => Outcome.MustBeTrue(cluster.StorageEncrypted, Passed, Failed);
}
