using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

/// <summary>Spans managed policies, roles, users and groups, like the full-admin rule.</summary>
internal sealed class IamPoliciesDoNotGrantSensitiveActionsOnAllResources : IRule
{
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    public IReadOnlyList<Type> EstateTypes { get; } = [typeof(IamPolicy), typeof(IamRole), typeof(IamUser), typeof(IamGroup)];

    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context) =>
        PolicyFacts.PolicyHolders(context.Estate).Select(r => (r, Check(PolicyFacts.HeldBy(context.Estate, r))));

    private static Outcome Check(IReadOnlyList<HeldPolicy> held)
    {
        HeldPolicy? unknown = null;
        foreach (var h in held)
        {
            if (h.Document.IsUnknown)
            {
                unknown ??= h;
                continue;
            }

            foreach (var statement in h.Document.Get()?.Statements ?? [])
            {
                var kinds = SensitiveActions.Unconstrained(statement);
                if (kinds.Count > 0)
                {
                    return Outcome.Fail(
                        $"{h.Label} statement {statement.Sid ?? "without Sid"} allows {string.Join("; ", kinds)} on every resource, with no resource condition.",
                        h.Source);
                }
            }
        }

        return unknown is not null
            ? Outcome.Unknown($"Cannot tell what {unknown.Label} allows: {unknown.Document.UnknownReason}.", unknown.Source)
            : Outcome.Pass("No policy it holds allows permission management, credential-returning or data-read actions on every resource.");
    }
}
