using PciZone.Estate;

namespace PciZone.Rules.Aws.GuardDuty;

/// <summary>A detector that is enabled and has one protection plan (a GuardDuty feature) on.</summary>
/// <param name="feature">The feature name (<c>RDS_LOGIN_EVENTS</c>).</param>
/// <param name="plan">The protection plan, for messages (<c>RDS Protection</c>).</param>
internal abstract class DetectorFeatureRule(string feature, string plan) : ResourceRule<GuardDutyDetector>
{
    /// <inheritdoc />
    protected override Outcome Check(GuardDutyDetector detector, RuleContext context)
    {
        if (detector.Enabled.IsKnown && !detector.Enabled.Get())
        {
            return Outcome.Fail($"Detector is disabled, so {plan} does not run.", detector.Enabled.Source);
        }

        if (!detector.Features.TryGetValue(feature, out var on))
        {
            return Outcome.Unknown($"{plan} ({feature}) setting was not read from the input.");
        }

        var outcome = Outcome.MustBeTrue(on, $"{plan} ({feature}) is enabled.", $"{plan} ({feature}) is disabled.");
        return outcome.Status == Compliance.FindingStatus.Pass && detector.Enabled.IsUnknown
            ? Outcome.Unknown($"{plan} is on, but whether the detector is enabled is unknown: {detector.Enabled.UnknownReason}.", detector.Enabled.Source)
            : outcome;
    }
}
