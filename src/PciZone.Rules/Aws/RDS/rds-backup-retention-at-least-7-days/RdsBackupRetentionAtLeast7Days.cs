using PciZone.Estate;

namespace PciZone.Rules.Aws.RDS;

internal sealed class RdsBackupRetentionAtLeast7Days : DatabaseRule
{
    private const int MinimumDays = 7;

    protected override Outcome Check(RdsInstance instance) => Judge(instance.BackupRetentionDays);

    protected override Outcome Check(RdsCluster cluster) => Judge(cluster.BackupRetentionDays);

    private static Outcome Judge(Value<int> days)
    {
        if (!days.TryGet(out var d))
        {
            return Outcome.Unknown($"Backup retention cannot be read: {days.UnknownReason}.", days.Source);
        }

        var source = days.IsDefault ? " (the AWS default)" : "";
        var kept = d == 1 ? "1 day" : $"{d} days";
        return d >= MinimumDays
            ? Outcome.Pass($"Automated backups are kept {kept}.")
            : Outcome.Fail(
                d == 0
                    ? $"Automated backups are disabled{source}."
                    : $"Automated backups are kept {kept}{source}, fewer than {MinimumDays}.",
                days.Source);
    }
}
