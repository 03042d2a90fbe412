using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

/// <summary>Spans managed policies, roles, users and groups, like the full-admin rule.</summary>
internal sealed class IamPoliciesDoNotAllowPassingAnyRole : IRule
{
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    public IReadOnlyList<Type> EstateTypes { get; } = [typeof(IamPolicy), typeof(IamRole), typeof(IamUser), typeof(IamGroup)];

    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context) =>
        PolicyFacts.PolicyHolders(context.Estate)
            .Select(r => (r, Check(PolicyFacts.Match(PolicyFacts.HeldBy(context.Estate, r), PolicyFacts.AllowsPassingAnyRole))));

    private static Outcome Check(PolicyMatches m)
    {
        if (m.Matching.Count > 0)
        {
            return Outcome.Fail(
                $"iam:PassRole is allowed on every role through {string.Join(", ", m.Matching.Select(h => h.Label))}.",
                m.Matching[0].Source);
        }

        return m.Unknown.Count > 0
            ? Outcome.Unknown($"Cannot tell whether {m.Unknown[0].Label} allows passing any role: {m.Unknown[0].Document.UnknownReason}.", m.Unknown[0].Source)
            : Outcome.Pass("No policy it holds allows iam:PassRole on every role.");
    }
}
