using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class EbsSnapshotPublicSharingBlocked : ResourceRule<EbsSnapshotBlockPublicAccess>
{
    protected override Outcome Check(EbsSnapshotBlockPublicAccess setting, RuleContext context)
    {
        if (setting.State.IsUnknown)
        {
            return Outcome.Unknown($"The state is unknown: {setting.State.UnknownReason}.", setting.State.Source);
        }

        return setting.State.Get() == "block-all-sharing"
            ? Outcome.Pass("Public sharing of EBS snapshots is blocked, including snapshots shared before.")
            : Outcome.Fail($"Block public access for EBS snapshots is \"{setting.State.Get()}\", not block-all-sharing.", setting.State.Source);
    }
}
