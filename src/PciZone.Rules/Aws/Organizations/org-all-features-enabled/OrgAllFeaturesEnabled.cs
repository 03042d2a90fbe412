using PciZone.Estate;

namespace PciZone.Rules.Aws.Organizations;

internal sealed class OrgAllFeaturesEnabled : ResourceRule<Organization>
{
    protected override Outcome Check(Organization organization, RuleContext context) =>
        Outcome.MustBeTrue(
            organization.FeatureSet.Map(f => string.Equals(f, "ALL", StringComparison.Ordinal)),
            "The organisation has all features, so SCPs can govern every member account.",
            $"The organisation runs with feature set {organization.FeatureSet.GetOrDefault() ?? "(none)"}: no SCPs can be attached to member accounts.");
}
