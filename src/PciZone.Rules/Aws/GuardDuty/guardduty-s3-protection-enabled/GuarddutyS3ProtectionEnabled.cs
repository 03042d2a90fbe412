using PciZone.Estate;

namespace PciZone.Rules.Aws.GuardDuty;

internal sealed class GuarddutyS3ProtectionEnabled : ResourceRule<GuardDutyDetector>
{
    private const string Feature = "S3_DATA_EVENTS";

    protected override Outcome Check(GuardDutyDetector detector, RuleContext context)
    {
        if (detector.Enabled.IsKnown && !detector.Enabled.Get())
        {
            return Outcome.Fail("Detector is disabled, so S3 Protection does not run.", detector.Enabled.Source);
        }

        return detector.Features.TryGetValue(Feature, out var s3)
            ? Outcome.MustBeTrue(s3, "S3 Protection (S3 data events) is enabled.", "S3 Protection (S3_DATA_EVENTS) is disabled.")
            : Outcome.Unknown("S3 Protection setting was not read from the input.");
    }
}
