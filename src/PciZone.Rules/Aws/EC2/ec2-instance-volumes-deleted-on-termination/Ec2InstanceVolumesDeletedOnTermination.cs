using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class Ec2InstanceVolumesDeletedOnTermination : ResourceRule<Ec2Instance>
{
    protected override Outcome Check(Ec2Instance instance, RuleContext context)
    {
        var devices = instance.BlockDevicesDeleteOnTermination;
        var kept = devices.Where(d => d.IsKnown && !d.Get()).ToList();
        if (kept.Count > 0)
        {
            return Outcome.Fail(
                $"{kept.Count} block device(s) set delete_on_termination to false: their volumes stay behind, unattached, when the instance terminates.",
                kept[0].Source);
        }

        var unknown = devices.Where(d => d.IsUnknown).ToList();
        return unknown.Count > 0
            ? Outcome.Unknown($"Whether a block device is deleted on termination is unknown: {unknown[0].UnknownReason}.", unknown[0].Source)
            : Outcome.Pass("Every block device is deleted when the instance terminates.");
    }
}
