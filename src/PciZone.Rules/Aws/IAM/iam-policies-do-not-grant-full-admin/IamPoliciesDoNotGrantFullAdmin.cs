using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

/// <summary>
/// Spans managed policies, roles, users and groups: each is judged on the policies it holds, so a
/// role with AdministratorAccess attached fails as well as the admin policy itself.
/// </summary>
internal sealed class IamPoliciesDoNotGrantFullAdmin : IRule
{
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    public IReadOnlyList<Type> EstateTypes { get; } = [typeof(IamPolicy), typeof(IamRole), typeof(IamUser), typeof(IamGroup)];

    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context) =>
        PolicyFacts.PolicyHolders(context.Estate)
            .Select(r => (r, Check(PolicyFacts.Match(PolicyFacts.HeldBy(context.Estate, r), PolicyFacts.GrantsFullAdmin))));

    private static Outcome Check(PolicyMatches m)
    {
        if (m.Matching.Count > 0)
        {
            return Outcome.Fail(
                $"Full administrative access (Allow \"*\" on \"*\") through {string.Join(", ", m.Matching.Select(h => h.Label))}.",
                m.Matching[0].Source);
        }

        return m.Unknown.Count > 0
            ? Outcome.Unknown($"Cannot tell whether {m.Unknown[0].Label} grants full administrative access: {m.Unknown[0].Document.UnknownReason}.", m.Unknown[0].Source)
            : Outcome.Pass("No policy it holds grants full administrative access.");
    }
}
