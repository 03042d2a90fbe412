using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.Organizations;

/// <summary>Counts the SCPs attached to each root, OU and account, FullAWSAccess included.</summary>
internal sealed class OrgScpTargetsWithinAttachmentLimit : IRule
{
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    public IReadOnlyList<Type> EstateTypes { get; } =
        [typeof(Organization), typeof(OrganizationalUnit), typeof(OrganizationAccount), typeof(OrganizationPolicy)];

    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context)
    {
        var estate = context.Estate;
        var unknown = OrgTree.UnknownTargets(estate);
        foreach (var target in estate.Resources.Where(r => r is Organization or OrganizationalUnit or OrganizationAccount))
        {
            var attached = OrgTree.AttachedTo(estate, target).Select(s => s.Policy).Distinct().ToList();
            // AWS attaches FullAWSAccess to every root, OU and account; it counts toward the limit.
            var count = attached.Count + 1;
            var names = string.Join(", ", attached.Select(p => p.Address).Prepend("FullAWSAccess"));
            if (count > OrgTree.MaxScpsPerTarget)
            {
                yield return (target, Outcome.Fail($"{count} SCPs would be attached ({names}); AWS allows {OrgTree.MaxScpsPerTarget} per target, so the attachment fails."));
            }
            else if (count + unknown.Count > OrgTree.MaxScpsPerTarget)
            {
                yield return (target, Outcome.Unknown(
                    $"{count} SCPs are attached ({names}); {unknown.Count} more attachment(s), such as {unknown[0].Policy.Address}, have targets unknown until apply and may push it over {OrgTree.MaxScpsPerTarget}.",
                    unknown[0].Source));
            }
            else
            {
                yield return (target, Outcome.Pass($"{count} of {OrgTree.MaxScpsPerTarget} SCPs attached ({names})."));
            }
        }
    }
}
