using PciZone.Estate;

namespace PciZone.Rules.Aws.Organizations;

internal sealed class OrgScpsWithinSizeLimit : ResourceRule<OrganizationPolicy>
{
    protected override bool AppliesTo(OrganizationPolicy policy, RuleContext context) =>
        policy.IsScp || policy.PolicyType.IsUnknown;

    protected override Outcome Check(OrganizationPolicy policy, RuleContext context)
    {
        if (policy.ContentLength.IsUnknown)
        {
            return Outcome.Unknown($"The SCP's size cannot be read: {policy.ContentLength.UnknownReason}.", policy.ContentLength.Source);
        }

        var size = policy.ContentLength.Get();
        return size <= OrgTree.MaxScpCharacters
            ? Outcome.Pass($"The SCP has {size} of {OrgTree.MaxScpCharacters} characters.")
            : Outcome.Fail($"The SCP has {size} characters; AWS rejects SCPs over {OrgTree.MaxScpCharacters}, so none of its guardrails would apply.", policy.ContentLength.Source);
    }
}
