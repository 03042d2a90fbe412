using PciZone.Estate;

namespace PciZone.Rules.Aws.CloudTrail;

internal sealed class CloudtrailOrganizationTrailCoversAllAccounts : ResourceRule<Trail>
{
    protected override Outcome Check(Trail trail, RuleContext context) =>
        TrailGaps.CoveredByAnother(trail, Assess(trail), context.Estate, Assess,
            "is an organization trail and records every member account",
            "cloudtrail-covering-organization");

    private static Outcome Assess(Trail trail) =>
        Outcome.MustBeTrue(trail.IsOrganizationTrail,
            "Trail is an organization trail: it records every account of the organisation, new ones included.",
            "Trail records its own account only (is_organization_trail / IsOrganizationTrail is false), so each member account depends on a trail of its own.");
}
