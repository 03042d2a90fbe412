using PciZone.Estate;
using PciZone.Rules.Aws.Backup;

namespace PciZone.Rules.Aws.RDS;

internal sealed class RdsClusterProtectedByBackupPlan : BackupProtectedRule<RdsCluster>
{
    protected override string Noun => "DB cluster";
}
