using PciZone.Estate;
using PciZone.Rules.Aws.Backup;

namespace PciZone.Rules.Aws.Backup;

internal sealed class Ec2InstanceProtectedByBackupPlan : BackupProtectedRule<Ec2Instance>
{
    protected override string Noun => "instance";
}
