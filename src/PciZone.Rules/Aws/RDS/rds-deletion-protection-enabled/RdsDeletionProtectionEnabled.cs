using PciZone.Estate;

namespace PciZone.Rules.Aws.RDS;

internal sealed class RdsDeletionProtectionEnabled : DatabaseRule
{
    private const string Passed = "Deletion protection is enabled.";
    private const string Failed = "Deletion protection is disabled.";

    protected override Outcome Check(RdsInstance instance) => Outcome.MustBeTrue(instance.DeletionProtection, Passed, Failed);

    protected override Outcome Check(RdsCluster cluster) => Outcome.MustBeTrue(cluster.DeletionProtection, Passed, Failed);
}
