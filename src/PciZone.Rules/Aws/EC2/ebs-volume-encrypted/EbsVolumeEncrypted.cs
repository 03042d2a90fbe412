using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class EbsVolumeEncrypted : ResourceRule<EbsVolume>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(EbsVolume), typeof(EbsDefaultEncryption)];

    protected override Outcome Check(EbsVolume volume, RuleContext context) =>
        EbsEncryption.Judge(volume.Encrypted, context.Estate, "The volume");
}
