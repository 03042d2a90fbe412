using PciZone.Estate;
using PciZone.Rules.Aws.Backup;

namespace PciZone.Rules.Aws.Backup;

internal sealed class FsxFileSystemProtectedByBackupPlan : BackupProtectedRule<FsxFileSystem>
{
    protected override string Noun => "file system";
}
