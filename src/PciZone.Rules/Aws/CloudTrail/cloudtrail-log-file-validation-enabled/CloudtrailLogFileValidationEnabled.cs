using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailLogFileValidationEnabled : ResourceRule<Trail>
{
    protected override Outcome Check(Trail trail, RuleContext context) =>
        Outcome.MustBeTrue(trail.LogFileValidation, "Log file integrity validation is enabled.", "Log file integrity validation is disabled.");
}
