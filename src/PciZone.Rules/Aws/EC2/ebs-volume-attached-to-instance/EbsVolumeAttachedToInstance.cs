using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class EbsVolumeAttachedToInstance : ResourceRule<EbsVolume>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(EbsVolume), typeof(Ec2Instance)];

    protected override Outcome Check(EbsVolume volume, RuleContext context)
    {
        if (volume.Attachments.Select(a => a.GetOrDefault()).OfType<ResourceRef>().FirstOrDefault() is { } instance)
        {
            return Outcome.Pass($"The volume is attached to {instance}.");
        }

        if (context.Estate.Memo("ec2-volumes-attached-by-instance", AttachedByInstances).GetValueOrDefault(volume.Address) is { } holder)
        {
            return Outcome.Pass($"Instance {holder} attaches the volume.");
        }

        return volume.Attachments.Count > 0 || context.Estate.Memo("ec2-volumes-attached-by-instance", AttachedByInstances).ContainsKey("")
            ? Outcome.Unknown("A volume attachment or an instance's volume list is unknown until apply; it may attach this volume.", volume.Provenance)
            : Outcome.Fail("No attachment in the scanned input attaches the volume: it stays available (unattached), holding data that no instance uses.");
    }

    // Volume address to the first instance that lists it; the key "" marks an instance whose list is unknown.
    private static Dictionary<string, string> AttachedByInstances(AwsEstate estate)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var instance in estate.OfType<Ec2Instance>())
        {
            if (instance.AttachedVolumes.IsUnknown)
            {
                index.TryAdd("", instance.Address);
                continue;
            }

            foreach (var v in instance.AttachedVolumes.GetOrDefault([])!)
            {
                if (v.Address is { } address)
                {
                    index.TryAdd(address, instance.Address);
                }
            }
        }

        return index;
    }
}
