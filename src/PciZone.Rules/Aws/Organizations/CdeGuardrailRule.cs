using PciZone.Compliance;
using PciZone.Estate;

namespace PciZone.Rules.Aws.Organizations;

/// <summary>
/// Base of the rules "SCPs that reach every CDE OU and account hold this guardrail": an SCP reaches a
/// node when it is attached to the node, to an OU above it, or to the root. A guardrail has parts
/// (the actions it must deny); different SCPs may cover different parts.
/// </summary>
internal abstract class CdeGuardrailRule : IRule
{
    public RuleDescriptor Descriptor { get; internal set; } = null!;

    public IReadOnlyList<Type> EstateTypes { get; } =
        [typeof(OrganizationalUnit), typeof(OrganizationAccount), typeof(OrganizationPolicy), typeof(Organization)];

    /// <summary>The guardrail in a few words, to follow "no SCP that reaches it ...".</summary>
    protected abstract string Guardrail { get; }

    /// <summary>What must be covered (the actions to deny); one entry for an all-or-nothing guardrail.</summary>
    protected abstract IReadOnlyList<string> Parts { get; }

    public IEnumerable<(Resource Resource, Outcome Outcome)> Evaluate(RuleContext context) =>
        OrgTree.CdeNodes(context.Estate).Select(n => (n, Check(context.Estate, n)));

    /// <summary>True when the statement covers the part.</summary>
    protected abstract bool Covers(PolicyStatement statement, string part);

    /// <summary>A Deny on every resource whose conditions only exempt principals.</summary>
    protected static bool IsBroadDeny(PolicyStatement s, params string[] alsoAllowedConditionKeys) =>
        s.Effect == PolicyEffect.Deny && s.NotResources.Count == 0 && s.AppliesToAllResources &&
        OrgTree.OnlyPrincipalConditions(s, alsoAllowedConditionKeys);

    private Outcome Check(AwsEstate estate, Resource node)
    {
        var scps = OrgTree.Effective(estate, node);
        var covering = new List<string>();
        var missing = new List<string>();
        foreach (var part in Parts)
        {
            var (match, _) = OrgTree.Find(scps, s => Covers(s, part));
            if (match is null)
            {
                missing.Add(part);
            }
            else if (!covering.Contains($"{match.Policy.Address} (on {match.AttachedTo})"))
            {
                covering.Add($"{match.Policy.Address} (on {match.AttachedTo})");
            }
        }

        if (missing.Count == 0)
        {
            return Outcome.Pass($"Guardrail in place through {string.Join(", ", covering)}.");
        }

        var what = Parts.Count == 1 ? Guardrail : $"{Guardrail} ({string.Join(", ", missing)} not denied)";
        var (_, unreadable) = OrgTree.Find(scps, _ => false);
        if (unreadable is not null)
        {
            return Outcome.Unknown($"Cannot tell whether {unreadable.Policy.Address} closes the gap: {unreadable.Policy.Document.UnknownReason}; without it, {what}.", unreadable.Source);
        }

        var why = OrgTree.CdeReason(estate, node);
        return scps.Gap is not null
            ? Outcome.Unknown($"Without the SCPs the input cannot place, {what}; cannot tell: {scps.Gap}.")
            : Outcome.Fail($"CDE {(node is OrganizationalUnit ? "OU" : "account")} ({why}): no SCP attached to it, an OU above it or the root {what}.");
    }
}
