using PciZone.Estate;

namespace PciZone.Rules.Aws.Organizations;

internal sealed class OrgCdeScpDeniesRootUser : CdeGuardrailRule
{
    private static readonly string[] MatchOperators = ["StringLike", "StringEquals", "ArnLike", "ArnEquals"];

    protected override string Guardrail => "denies every action to the root user";

    protected override IReadOnlyList<string> Parts { get; } = ["*"];

    // Deny "*" on "*" when aws:PrincipalArn is a root ARN (arn:aws:iam::*:root or one account's root).
    protected override bool Covers(PolicyStatement statement, string part) =>
        IsBroadDeny(statement) && statement.AllowsAllActions &&
        statement.ConditionsOn("aws:PrincipalArn").Any(c =>
            MatchOperators.Contains(c.Operator, StringComparer.OrdinalIgnoreCase) &&
            c.Values.Any(v => v.EndsWith(":root", StringComparison.Ordinal)));
}
