using PciZone.Estate;
using PciZone.Rules.Aws.Backup;

namespace PciZone.Rules.Aws.Backup;

internal sealed class EbsVolumeProtectedByBackupPlan : BackupProtectedRule<EbsVolume>
{
    protected override string Noun => "volume";
}
