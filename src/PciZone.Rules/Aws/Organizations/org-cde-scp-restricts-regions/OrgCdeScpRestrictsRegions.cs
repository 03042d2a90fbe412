using PciZone.Estate;

namespace PciZone.Rules.Aws.Organizations;

internal sealed class OrgCdeScpRestrictsRegions : CdeGuardrailRule
{
    private static readonly string[] NotInListOperators = ["StringNotEquals", "StringNotLike", "StringNotEqualsIgnoreCase"];

    protected override string Guardrail => "denies requests outside a list of approved regions";

    protected override IReadOnlyList<string> Parts { get; } = ["*"];

    // Deny (Not)Action on "*" when aws:RequestedRegion is not in the approved list; global services
    // are usually exempted through NotAction, which keeps the statement a region guardrail.
    protected override bool Covers(PolicyStatement statement, string part) =>
        IsBroadDeny(statement, "aws:RequestedRegion") &&
        (statement.NotActions.Count > 0 || statement.AllowsAllActions) &&
        statement.ConditionsOn("aws:RequestedRegion").Any(c =>
            NotInListOperators.Contains(c.Operator, StringComparer.OrdinalIgnoreCase) && c.Values.Count > 0 && !c.Values.Contains("*"));
}
