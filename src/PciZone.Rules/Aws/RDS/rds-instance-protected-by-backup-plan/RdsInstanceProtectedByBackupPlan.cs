using PciZone.Estate;
using PciZone.Rules.Aws.Backup;

namespace PciZone.Rules.Aws.RDS;

internal sealed class RdsInstanceProtectedByBackupPlan : BackupProtectedRule<RdsInstance>
{
    protected override string Noun => "DB instance";

    protected override bool AppliesTo(RdsInstance resource, RuleContext context) => !resource.IsClusterMember;
}
