using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class Ec2InstanceBlockDevicesEncrypted : ResourceRule<Ec2Instance>
{
    public override IReadOnlyList<Type> EstateTypes => [typeof(Ec2Instance), typeof(EbsDefaultEncryption)];

    protected override Outcome Check(Ec2Instance instance, RuleContext context)
    {
        var outcomes = instance.BlockDevicesEncrypted
            .Select((device, i) => EbsEncryption.Judge(device, context.Estate, i == 0 ? "The root volume" : $"Block device {i}"))
            .ToList();
        return outcomes.FirstOrDefault(o => o.Status == FindingStatus.Fail)
               ?? outcomes.FirstOrDefault(o => o.Status == FindingStatus.Unknown)
               ?? Outcome.Pass($"All {outcomes.Count} block device(s) are encrypted.");
    }
}
