using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class Ec2InstanceNoKeyPair : ResourceRule<Ec2Instance>
{
    protected override Outcome Check(Ec2Instance instance, RuleContext context)
    {
        var key = instance.KeyName;
        if (key.IsUnknown)
        {
            return Outcome.Unknown($"The key pair is unknown: {key.UnknownReason}.", key.Source);
        }

        return key.Get() is { } name
            ? Outcome.Fail($"The instance is launched with key pair \"{name}\": a shared SSH key that names no person.", key.Source)
            : Outcome.Pass("The instance has no EC2 key pair.");
    }
}
