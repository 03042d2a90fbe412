using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailLoggingEnabled : ResourceRule<Trail>
{
    protected override Outcome Check(Trail trail, RuleContext context) =>
        Outcome.MustBeTrue(trail.IsLogging, "Trail is logging.", "Trail logging is switched off.");
}
