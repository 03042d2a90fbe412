using PciZone.Estate;

namespace PciZone.Rules.Aws.EC2;

internal sealed class Ec2InstanceDetailedMonitoringEnabled : ResourceRule<Ec2Instance>
{
    protected override Outcome Check(Ec2Instance instance, RuleContext context) =>
        Outcome.MustBeTrue(
            instance.DetailedMonitoring,
            "Detailed (one-minute) monitoring is on.",
            "Detailed monitoring is off: metrics arrive every five minutes, too coarse to alarm on a failing control quickly.");
}
