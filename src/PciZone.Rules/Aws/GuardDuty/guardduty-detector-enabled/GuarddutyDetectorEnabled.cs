using PciZone.Estate;

namespace PciZone.Rules.Aws.GuardDuty;

internal sealed class GuarddutyDetectorEnabled : ResourceRule<GuardDutyDetector>
{
    protected override Outcome Check(GuardDutyDetector detector, RuleContext context) =>
        Outcome.MustBeTrue(detector.Enabled, "Detector is enabled.", "Detector is disabled, so GuardDuty produces no findings.");
}
