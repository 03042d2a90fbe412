using PciZone.Estate;
using PciZone.Rules.Aws.Backup;

namespace PciZone.Rules.Aws.EFS;

internal sealed class EfsFileSystemProtectedByBackup : ResourceRule<EfsFileSystem>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(EfsFileSystem), typeof(BackupSelection)];

    protected override Outcome Check(EfsFileSystem fs, RuleContext context)
    {
        if (fs.AutomaticBackups.IsKnown && fs.AutomaticBackups.Get())
        {
            return Outcome.Pass("File system's automatic backups (EFS backup policy) are enabled.");
        }

        var (coverage, by) = BackupSelections.Find(context.Estate, fs, "arn:aws:elasticfilesystem:");
        return coverage switch
        {
            BackupSelections.Coverage.Selected => Outcome.Pass($"Backup selection {by} protects the file system."),
            _ when fs.AutomaticBackups.IsUnknown => Outcome.Unknown($"The EFS backup policy cannot be read: {fs.AutomaticBackups.UnknownReason}.", fs.AutomaticBackups.Source),
            BackupSelections.Coverage.Unknown => Outcome.Unknown($"No backup covers the file system for sure; backup selection {by} is unknown until apply and may."),
            _ => Outcome.Fail("File system has no automatic backups and no backup selection in the estate picks it.", fs.AutomaticBackups.Source),
        };
    }
}
