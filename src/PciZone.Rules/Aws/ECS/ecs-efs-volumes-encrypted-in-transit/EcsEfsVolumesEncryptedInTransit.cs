using PciZone.Estate;

namespace PciZone.Rules.Aws.ECS;

internal sealed class EcsEfsVolumesEncryptedInTransit : ResourceRule<EcsTaskDefinition>
{
    protected override bool AppliesTo(EcsTaskDefinition task, RuleContext context) => task.EfsVolumes.Count > 0;

    protected override Outcome Check(EcsTaskDefinition task, RuleContext context)
    {
        var plain = task.EfsVolumes.Where(v => v.TransitEncryption.IsKnown && !v.TransitEncryption.Get()).ToList();
        if (plain.Count > 0)
        {
            return Outcome.Fail($"EFS volumes {string.Join(", ", plain.Select(v => v.Name))} are mounted without TLS (transitEncryption is not ENABLED).", plain[0].TransitEncryption.Source);
        }

        var unknown = task.EfsVolumes.FirstOrDefault(v => v.TransitEncryption.IsUnknown);
        return unknown is not null
            ? Outcome.Unknown($"Transit encryption of EFS volume {unknown.Name} is unknown until apply: {unknown.TransitEncryption.UnknownReason}.", unknown.TransitEncryption.Source)
            : Outcome.Pass("Every EFS volume is mounted with TLS.");
    }
}
