using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

/// <summary>
/// Base of the rules "no policy that a managed policy, role, user or group holds has a statement
/// like this": each holder is judged on its own document, inline policies and attachments.
/// </summary>
internal abstract class HeldPolicyRule : IRule
{
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    public IReadOnlyList<Type> EstateTypes { get; } = [typeof(IamPolicy), typeof(IamRole), typeof(IamUser), typeof(IamGroup)];

    /// <summary>What a matching statement grants, to follow "grants".</summary>
    protected abstract string Grant { get; }

    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context) =>
        PolicyFacts.PolicyHolders(context.Estate)
            .Select(r => (r, Check(PolicyFacts.Match(PolicyFacts.HeldBy(context.Estate, r), Matches))));

    /// <summary>True for a statement the rule forbids.</summary>
    protected abstract bool Matches(PolicyStatement statement);

    private Outcome Check(PolicyMatches m)
    {
        if (m.Matching.Count > 0)
        {
            return Outcome.Fail($"{string.Join(", ", m.Matching.Select(h => h.Label))} grants {Grant}.", m.Matching[0].Source);
        }

        return m.Unknown.Count > 0
            ? Outcome.Unknown($"Cannot tell whether {m.Unknown[0].Label} grants {Grant}: {m.Unknown[0].Document.UnknownReason}.", m.Unknown[0].Source)
            : Outcome.Pass($"No policy it holds grants {Grant}.");
    }
}
